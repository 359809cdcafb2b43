package validate

// coRules lists the rules of this family, in the order they run.
var coRules = []rule{}
