package validate

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestRuleMetaSorted checks what metaOf's binary search needs: ruleMeta
// sorted by id, each id once.
func TestRuleMetaSorted(t *testing.T) {
	if len(ruleMeta) == 0 {
		t.Fatal("ruleMeta is empty")
	}
	for i := 1; i < len(ruleMeta); i++ {
		if a, b := ruleMeta[i-1].ID, ruleMeta[i].ID; a >= b {
			t.Errorf("ruleMeta[%d] %q is not before ruleMeta[%d] %q", i-1, a, i, b)
		}
	}
}

// TestRuleMetaWellFormed checks every entry's fields.
func TestRuleMetaWellFormed(t *testing.T) {
	term := regexp.MustCompile(`^(B[TG]-(X-)?\d+|EXT-FR-FE-(BG-)?\d+)(-\d+)?$`)
	for _, m := range ruleMeta {
		if m.Severity != Fatal && m.Severity != Warning {
			t.Errorf("%s: severity %v", m.ID, m.Severity)
		}
		if m.Message == "" || strings.HasPrefix(m.Message, "[") || strings.TrimSpace(m.Message) != m.Message {
			t.Errorf("%s: message %q", m.ID, m.Message)
		}
		for i, tm := range m.Terms {
			if !term.MatchString(tm) || slices.Contains(m.Terms[:i], tm) {
				t.Errorf("%s: terms %q", m.ID, m.Terms)
			}
		}
		if m.Profiles&^fxAll != 0 {
			t.Errorf("%s: profiles %b", m.ID, m.Profiles)
		}
	}
}

func TestMetaOf(t *testing.T) {
	for _, tc := range []struct {
		id       string
		sev      Severity
		terms    []string
		msg      string // a prefix of the message
		profiles fxProfiles
	}{
		{"BR-CO-15", Fatal, []string{"BT-112", "BT-109", "BT-110"}, "Invoice total amount with VAT (BT-112) = ", fxBasicWL | fxBasic | fxEN16931},
		{"BR-01", Fatal, []string{"BT-24"}, "An Invoice shall have a Specification identifier (BT-24).", fxAll},
		{"UBL-CR-001", Warning, nil, "A UBL invoice should not include extensions", 0},
		{"CII-SR-001", Warning, nil, "SpecifiedTransactionID should not be present", 0},
		{"FX-SCH-A-000027", Fatal, nil, "Element 'ram:SellerTradeParty' must occur exactly 1 times.", fxAll},
		{"BR-FXEXT-04", Warning, nil, "To ensure automated processing", fxExtended},
		{"AAA", Fatal, nil, "", 0},             // before the first id
		{"ZZZ", Fatal, nil, "", 0},             // after the last
		{"BR-CO-99", Fatal, nil, "", 0},        // between two
		{"", Fatal, nil, "", 0},                // empty
		{"br-co-15", Fatal, nil, "", 0},        // ids are case sensitive
		{"BR-CO-15 ", Fatal, nil, "", 0},       // and exact
		{"BR-FR-09", Fatal, nil, "", 0},        // a French rule, not an assert id
		{"FX-SCH-A-999999", Fatal, nil, "", 0}, // unknown
		{"BR-CO-1", Fatal, nil, "", 0},         // a prefix of BR-CO-10
		{"UBL-CR-0010", Fatal, nil, "", 0},     // an extension of UBL-CR-001
		{"PEPPOL-EN16931-R008", Warning, nil, "Document MUST not contain empty elements.", fxBasic | fxEN16931 | fxExtended},
		// The French CIUS: ids as the schematron writes them.
		{"BR-FR-10_BT-30", Fatal, []string{"BT-30"}, "Le SIREN du vendeur (ram:ID) est obligatoire", 0},
		{"BR-FR-09_EXT-FR-FE-06", Fatal, []string{"EXT-FR-FE-06"}, "Le SIRET doit contenir 14 chiffres", 0},
		{"BR-FR-CO-09_BT-23-1", Fatal, []string{"BT-23"}, "Si le cadre de facturation (BT-23) est B2, S2 ou M2", 0},
		{"BR-FR-05_BT-22-1", Fatal, []string{"BT-22"}, "La mention relative aux frais de recouvrement", 0}, // UBL only
	} {
		m := metaOf(tc.id)
		if m.ID != tc.id || m.Severity != tc.sev || !slices.Equal(m.Terms, tc.terms) || m.Profiles != tc.profiles {
			t.Errorf("metaOf(%q) = %+v, want severity %v, terms %q, profiles %b", tc.id, m, tc.sev, tc.terms, tc.profiles)
		}
		if tc.msg == "" && m.Message != "" || !strings.HasPrefix(m.Message, tc.msg) {
			t.Errorf("metaOf(%q).Message = %q, want one starting with %q", tc.id, m.Message, tc.msg)
		}
	}
	// Every entry is found.
	for _, want := range ruleMeta {
		if got := metaOf(want.ID); got.ID != want.ID || got.Message != want.Message {
			t.Errorf("metaOf(%q) = %+v", want.ID, got)
		}
	}
}

// TestRulesHaveMeta checks that every rule of the rule sets is an official
// rule: a rule with no metadata would report an empty message.
func TestRulesHaveMeta(t *testing.T) {
	for _, s := range []RuleSet{EN16931, FacturXMinimum, FacturXBasicWL, FacturXBasic, FacturXEN16931, FacturXExtended, French, ChorusPro(ChorusProOptions{}), ChorusPro(ChorusProOptions{Legacy: true})} {
		for _, id := range s.Rules() {
			if metaOf(id).Message == "" {
				t.Errorf("%s: rule %s is not in ruleMeta", s.Name(), id)
			}
		}
	}
}

// ruleMeta is the metadata of every generated row, for the tests.
var ruleMeta = func() []meta {
	out := make([]meta, len(ruleRows))
	for i := range ruleRows {
		out[i] = ruleRows[i].meta()
	}
	return out
}()
