package einvoice_test

import (
	"fmt"
	"testing"

	"github.com/einvoice-go/einvoice"
)

// The values come from ../shared/reference/choruspro.md (INSEE, the FNFE
// examples, Chorus Pro's own SIRET) and python-stdnum's documented
// examples for the newer VAT keys.
func TestValidSIRET(t *testing.T) {
	for _, c := range []struct {
		siret string
		valid bool
	}{
		{"73282932000074", true},
		{"73282932000079", false}, // checksum
		{"10000000900017", true},  // FNFE examples
		{"20000000800025", true},
		{"11000201100044", true}, // Chorus Pro (AIFE)
		{"35600000000048", true}, // La Poste head office: Luhn, digit sum 26
		{"35600000000010", true}, // a La Poste establishment: digit sum 15, not Luhn
		{"35600000000011", false},
		{"35600000000049", false},
		{"7328293200007", false},   // 13 digits
		{"732829320000740", false}, // 15 digits
		{"7328293200007A", false},
		{"73282932 00074", false},
		{"", false},
		{"73282932100013", false}, // Luhn over 14 digits, but not the SIREN 732829321
	} {
		if got := einvoice.ValidSIRET(c.siret); got != c.valid {
			t.Errorf("ValidSIRET(%q) = %v, want %v", c.siret, got, c.valid)
		}
	}
	if siren, ok := einvoice.SIRENOfSIRET("73282932000074"); !ok || siren != "732829320" {
		t.Errorf("SIRENOfSIRET = %q, %v", siren, ok)
	}
	if _, ok := einvoice.SIRENOfSIRET("73282932000079"); ok {
		t.Error("SIRENOfSIRET of an invalid SIRET is ok")
	}
}

func TestValidSIREN(t *testing.T) {
	for _, c := range []struct {
		siren string
		valid bool
	}{
		{"732829320", true},
		{"100000009", true},
		{"200000008", true},
		{"356000000", true},
		{"732829321", false},
		{"73282932", false},
		{"7328293200", false},
		{"73282932O", false},
	} {
		if got := einvoice.ValidSIREN(c.siren); got != c.valid {
			t.Errorf("ValidSIREN(%q) = %v, want %v", c.siren, got, c.valid)
		}
	}
}

func TestFrenchVAT(t *testing.T) {
	for _, c := range []struct {
		vat   string
		valid bool
	}{
		{"FR44732829320", true},
		{"FR88100000009", true},
		{"FR37200000008", true},
		{"FR40303265045", true},
		{"FR23334175221", true},
		{"FR84323140391", false}, // key
		{"FR45732829320", false}, // key
		{"FRK7399859412", true},  // newer key, letters
		{"FR4Z123456782", true},  // newer key, a digit then a letter
		{"FRIO334175221", false}, // no I or O in keys
		{"FR44732829321", false}, // SIREN checksum
		{"FR4473282932", false},
		{"fr44732829320", false},
		{"FR 44732829320", false},
		{"DE44732829320", false},
	} {
		if got := einvoice.ValidFrenchVAT(c.vat); got != c.valid {
			t.Errorf("ValidFrenchVAT(%q) = %v, want %v", c.vat, got, c.valid)
		}
	}
	for siren, want := range map[string]string{"732829320": "FR44732829320", "100000009": "FR88100000009", "200000008": "FR37200000008"} {
		if got, ok := einvoice.FrenchVATNumber(siren); !ok || got != want {
			t.Errorf("FrenchVATNumber(%s) = %q, %v, want %s", siren, got, ok, want)
		}
	}
	if _, ok := einvoice.FrenchVATNumber("732829321"); ok {
		t.Error("FrenchVATNumber of an invalid SIREN is ok")
	}
}

func ExampleValidSIRET() {
	fmt.Println(einvoice.ValidSIRET("73282932000074"), einvoice.ValidSIRET("73282932000079"))
	// La Poste: the head office follows Luhn, the establishments a digit sum.
	fmt.Println(einvoice.ValidSIRET("35600000000048"), einvoice.ValidSIRET("35600000000010"))
	siren, _ := einvoice.SIRENOfSIRET("73282932000074")
	vat, _ := einvoice.FrenchVATNumber(siren)
	fmt.Println(siren, vat, einvoice.ValidFrenchVAT(vat))
	// Output:
	// true false
	// true true
	// 732829320 FR44732829320 true
}
