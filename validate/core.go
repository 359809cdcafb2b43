package validate

// coreRules lists the rules of this family, in the order they run.
var coreRules = []rule{}
