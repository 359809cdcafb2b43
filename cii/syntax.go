package cii

//go:generate go run ../internal/gen/syntaxrules -syntax cii

import (
	"github.com/einvoice-go/einvoice"
	"github.com/einvoice-go/einvoice/internal/schematron"
)

// The rule sets of the syntax rules, compiled on first use.
var (
	cenSyntax = &schematron.Set{Prefixes: ciiNamespaces, Load: cenSyntaxRules}
	fxSyntax  = [...]*schematron.Set{
		Minimum:  fxSet(fxMinimumRules, "FACTUR-X_MINIMUM_codedb.xml", fxMinimumCodes),
		BasicWL:  fxSet(fxBasicWLRules, "FACTUR-X_BASIC-WL_codedb.xml", fxBasicWLCodes),
		Basic:    fxSet(fxBasicRules, "FACTUR-X_BASIC_codedb.xml", fxBasicCodes),
		EN16931:  fxSet(fxEN16931Rules, "FACTUR-X_EN16931_codedb.xml", fxEN16931Codes),
		Extended: fxSet(fxExtendedRules, "FACTUR-X_EXTENDED_codedb.xml", fxExtendedCodes),
	}
)

func fxSet(rules func() []schematron.Rule, dbName string, codes map[int]string) *schematron.Set {
	return &schematron.Set{
		Prefixes:  ciiNamespaces,
		Load:      rules,
		CodeLists: map[string]map[int]string{dbName: codes},
	}
}

// checkSyntax evaluates the syntax rules the decoder asks for on data,
// whose declared profile is declared.
func (dc *Decoder) checkSyntax(data []byte, declared Profile) ([]einvoice.SyntaxIssue, error) {
	var sets []*schematron.Set
	if dc.SyntaxRules {
		sets = append(sets, cenSyntax)
	}
	if dc.ProfileRules {
		p := declared
		if dc.RulesProfile != 0 {
			p = dc.RulesProfile
		}
		// ExtendedCTCFR has no Factur-X schematron (see ProfileRules).
		if p >= Minimum && p <= Extended {
			sets = append(sets, fxSyntax[p])
		}
	}
	if len(sets) == 0 {
		return nil, nil
	}
	issues, err := schematron.Issues(data, ciiNamespaces, sets...)
	if err != nil {
		return nil, schematron.DecodeError("cii", err)
	}
	return issues, nil
}
