package validate

// decRules lists the rules of this family, in the order they run.
var decRules = []rule{}
