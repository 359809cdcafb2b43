package validate

// EN16931 is every rule of the CEN EN 16931 schematron (1.3.16) that can be
// checked on the model: BR-01 .. BR-65, BR-CO-*, BR-DEC-*, BR-CL-*, and the
// VAT category rules.
var EN16931 = RuleSet{name: "en16931", list: lazyRules(func() []rule { return concat(coreRules, coRules, decRules, vatRules(), codeRules) })}

func concat(lists ...[]rule) []rule {
	var out []rule
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}

// The rule tables, one per family, each in its own file: coreRules
// (BR-01 .. BR-65, core.go), coRules (BR-CO-*, co.go), decRules (BR-DEC-*,
// dec.go), vatRules (BR-S-*, BR-Z-*, BR-E-*, BR-AE-*, BR-IC-*, BR-G-*,
// BR-O-*, BR-AF-*, BR-AG-*, vat*.go) and codeRules (BR-CL-*, codes.go).
// The Factur-X profiles' sets, built from them, are in facturx.go.
