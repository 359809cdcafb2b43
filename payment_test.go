package einvoice

import "testing"

// IBANs from the fixtures and the registry's examples, each broken once.
func TestValidIBAN(t *testing.T) {
	for _, c := range []struct {
		iban string
		ok   bool
	}{
		{"FR7630006000011234567890189", true},
		{"DE89370400440532013000", true},
		{"HU42117730161111101800000000", true},
		{"GB29NWBK60161331926819", true},
		{"FR7630006000011234567890188", false}, // last digit
		{"FR7730006000011234567890189", false}, // check digits
		{"FR76 3000 6000 0112 3456 7890 189", false},
		{"fr7630006000011234567890189", false},
		{"FR76300060000", false},               // too short
		{"FR7A30006000011234567890189", false}, // a letter in the check digits
		{"", false},
	} {
		if got := ValidIBAN(c.iban); got != c.ok {
			t.Errorf("ValidIBAN(%q) = %v, want %v", c.iban, got, c.ok)
		}
	}
}
