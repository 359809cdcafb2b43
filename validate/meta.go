package validate

import "sort"

// meta is an official rule's metadata, generated from the schematron
// sources (rules_gen.go).
type meta struct {
	ID       string
	Severity Severity
	// Terms are the BT and BG ids the rule's text names.
	Terms []string
	// Message is the rule's text, without its "[ID]-" prefix.
	Message string
}

// metaOf returns the metadata of the rule id; a rule the sources do not
// have (a mistake in this package, which its tests catch) is fatal with an
// empty message.
func metaOf(id string) meta {
	i := sort.Search(len(ruleMeta), func(i int) bool { return ruleMeta[i].ID >= id })
	if i < len(ruleMeta) && ruleMeta[i].ID == id {
		return ruleMeta[i]
	}
	return meta{ID: id, Severity: Fatal}
}
