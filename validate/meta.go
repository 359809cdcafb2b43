package validate

import (
	"sort"
	"strings"
)

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

// metaRow is the generated metadata of an official rule (rules_gen.go):
// its id, terms (separated by spaces) and message one after the other in
// ruleText from off, and their lengths. No pointer: the garbage collector
// has nothing to scan in ruleRows.
type metaRow struct {
	off             uint32
	idLen, termsLen uint8
	msgLen          uint16
	severity        Severity
	profiles        fxProfiles
}

func (r *metaRow) id() string {
	return ruleText[r.off : r.off+uint32(r.idLen)]
}

// meta returns the row's metadata; its Terms are a new slice.
func (r *metaRow) meta() meta {
	start := r.off + uint32(r.idLen)
	terms := ruleText[start : start+uint32(r.termsLen)]
	start += uint32(r.termsLen)
	return meta{ID: r.id(), Severity: r.severity, Terms: strings.Fields(terms), Message: ruleText[start : start+uint32(r.msgLen)], Profiles: r.profiles}
}

// rowOf returns the generated row of the rule id.
func rowOf(id string) (*metaRow, bool) {
	i := sort.Search(len(ruleRows), func(i int) bool { return ruleRows[i].id() >= id })
	if i < len(ruleRows) && ruleRows[i].id() == id {
		return &ruleRows[i], true
	}
	return nil, false
}

// metaOf returns the metadata of the rule id, from the generated ruleRows
// or, for the Chorus Pro rules that no schematron has, from cproMeta
// (choruspro.go); a rule neither has (a mistake in this package, which its
// tests catch) is fatal with an empty message.
func metaOf(id string) meta {
	if r, ok := rowOf(id); ok {
		return r.meta()
	}
	if m, ok := lookupCPROMeta(id); ok {
		return m
	}
	return meta{ID: id, Severity: Fatal}
}

// profilesOf returns the Factur-X profiles whose schematron has the rule id.
func profilesOf(id string) fxProfiles {
	if r, ok := rowOf(id); ok {
		return r.profiles
	}
	return 0
}
