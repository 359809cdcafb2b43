package validate

// codeRules lists the rules of this family, in the order they run.
var codeRules = []rule{}
