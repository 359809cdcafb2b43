package validate

// vatRules lists the rules of this family, in the order they run.
var vatRules = []rule{}
