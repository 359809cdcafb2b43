package validate

import "sort"

// meta is an official rule's metadata, generated from the schematron
// sources (rules_gen.go, by internal/gen/rules): the CEN EN 16931 rules
// (CII and UBL) and the Factur-X rules.
type meta struct {
	ID       string
	Severity Severity
	// Terms are the BT and BG ids the rule's text names.
	Terms []string
	// Message is the rule's text, without its "[ID]-" prefix.
	Message string
	// Profiles are the Factur-X profiles whose schematron has the rule; 0
	// for a rule of the CEN schematron only.
	Profiles fxProfiles
}

// fxProfiles is a set of Factur-X profiles, one bit each.
type fxProfiles uint8

// The Factur-X profiles, as sets of one.
const (
	fxMinimum fxProfiles = 1 << iota
	fxBasicWL
	fxBasic
	fxEN16931
	fxExtended

	fxAll = fxMinimum | fxBasicWL | fxBasic | fxEN16931 | fxExtended
)

// metaOf returns the metadata of the rule id, from the generated ruleMeta
// or, for the Chorus Pro rules that no schematron has, from cproMeta
// (choruspro.go); a rule neither has (a mistake in this package, which its
// tests catch) is fatal with an empty message.
func metaOf(id string) meta {
	i := sort.Search(len(ruleMeta), func(i int) bool { return ruleMeta[i].ID >= id })
	if i < len(ruleMeta) && ruleMeta[i].ID == id {
		return ruleMeta[i]
	}
	if m, ok := lookupCPROMeta(id); ok {
		return m
	}
	return meta{ID: id, Severity: Fatal}
}
