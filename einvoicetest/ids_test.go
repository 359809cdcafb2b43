package einvoicetest

import (
	"testing"

	"github.com/einvoice-go/einvoice"
)

// Checks of the identifiers the generator draws, written as validators of
// the whole number (not as the generator computes a check digit) and tested
// on published valid numbers first.

func digitsOf(s string) ([]int, bool) {
	d := make([]int, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return nil, false
		}
		d[i] = int(s[i] - '0')
	}
	return d, true
}

// luhnValid: the Luhn check of a number of digits.
func luhnValid(s string) bool {
	d, ok := digitsOf(s)
	if !ok || len(d) == 0 {
		return false
	}
	sum := 0
	for i := range d {
		v := d[len(d)-1-i]
		if i%2 == 1 {
			if v *= 2; v > 9 {
				v -= 9
			}
		}
		sum += v
	}
	return sum%10 == 0
}

// doubledSum returns the sum of the digits d, those at the indexes of the
// parity odd doubled and their digits added.
func doubledSum(d []int, odd int) int {
	s := 0
	for i, x := range d {
		if i%2 == odd {
			x *= 2
			x = x/10 + x%10
		}
		s += x
	}
	return s
}

// sumOf returns the sum of the digits d times the weights w.
func sumOf(d []int, w ...int) int {
	s := 0
	for i, x := range d {
		s += x * w[i]
	}
	return s
}

// vatValid checks a VAT number of the countries the generator knows.
func vatValid(v string) bool {
	if len(v) < 4 {
		return false
	}
	cc, n := v[:2], v[2:]
	switch cc {
	case "DE": // ISO 7064 MOD 11,10
		d, ok := digitsOf(n)
		if !ok || len(d) != 9 {
			return false
		}
		p := 10
		for _, x := range d[:8] {
			s := (x + p) % 10
			if s == 0 {
				s = 10
			}
			p = 2 * s % 11
		}
		return (p+d[8])%10 == 1
	case "BE":
		d, ok := digitsOf(n)
		return ok && len(d) == 10 && 97-atoi([]byte(n[:8]))%97 == d[8]*10+d[9]
	case "IT":
		return len(n) == 11 && luhnValid(n)
	case "ES": // a company's CIF: a letter, 7 digits, a control digit
		if len(n) != 9 || n[0] < 'A' || n[0] > 'Z' {
			return false
		}
		d, ok := digitsOf(n[1:])
		return ok && (10-doubledSum(d[:7], 0)%10)%10 == d[7]
	case "NL": // the eleven test, then B and two digits
		d, ok := digitsOf(n[:9])
		if !ok || len(n) != 12 || n[9] != 'B' {
			return false
		}
		sum := -d[8]
		for i, x := range d[:8] {
			sum += x * (9 - i)
		}
		return sum%11 == 0
	case "AT":
		d, ok := digitsOf(n[1:])
		return ok && n[0] == 'U' && len(d) == 8 && (10-(doubledSum(d[:7], 1)+4)%10)%10 == d[7]
	case "LU":
		d, ok := digitsOf(n)
		return ok && len(d) == 8 && atoi([]byte(n[:6]))%89 == d[6]*10+d[7]
	case "CH": // CHE and the UID's mod 11
		d, ok := digitsOf(n[1:])
		return ok && n[0] == 'E' && len(d) == 9 && (sumOf(d[:8], 5, 4, 3, 2, 7, 6, 5, 4)+d[8])%11 == 0
	case "GB":
		d, ok := digitsOf(n)
		return ok && len(d) == 9 && (sumOf(d[:7], 8, 7, 6, 5, 4, 3, 2)+d[7]*10+d[8])%97 == 0
	case "NO":
		d, ok := digitsOf(n[:9])
		return ok && n[9:] == "MVA" && (sumOf(d[:8], 3, 2, 7, 6, 5, 4, 3, 2)+d[8])%11 == 0
	case "FR":
		return einvoice.ValidFrenchVAT(v)
	}
	return false
}

// Published valid numbers, and each with its last digit changed.
func TestVATValidator(t *testing.T) {
	for _, v := range []string{
		"DE136695976", "BE0428759497", "IT00743110157", "NL123456782B01", "ATU13585627",
		"LU26375245", "CHE116281710", "GB980780684", "NO974760673MVA", "FR44732829320",
	} {
		if !vatValid(v) {
			t.Errorf("%s: valid, said invalid", v)
		}
		b := []byte(v)
		i := len(b) - 1
		if v[:2] == "NL" {
			i = len(b) - 4
		} else if v[:2] == "NO" {
			i = len(b) - 4
		}
		b[i] = '0' + (b[i]-'0'+1)%10
		if vatValid(string(b)) {
			t.Errorf("%s: invalid, said valid", b)
		}
	}
}

// The generator's identifiers pass.
func TestGeneratedIdentifiers(t *testing.T) {
	rr := seeded(1, 2)
	r := &rr
	lengths := map[einvoice.CountryCode]int{"FR": 27, "DE": 22, "BE": 16, "IT": 27, "ES": 24, "NL": 18, "AT": 20, "LU": 20, "CH": 21}
	for i := 0; i < 1000; i++ {
		siren := r.siren(i%2 == 0)
		st := siret(nil, siren, 1+i%9999)
		if !einvoice.ValidSIREN(siren) || !einvoice.ValidSIRET(st) || !einvoice.ValidFrenchVAT(frenchVAT(siren)) {
			t.Fatalf("SIREN %s, SIRET %s, VAT %s", siren, st, frenchVAT(siren))
		}
		if c := siren[0]; (i%2 == 0) != (c == '1' || c == '2') {
			t.Fatalf("SIREN %s of a public entity: %v", siren, i%2 == 0)
		}
		for _, c := range []*country{&germany, &belgium, &italy, &spain, &netherlands, &austria, &luxembourg} {
			if v := r.vatID(c.code); !vatValid(v) {
				t.Fatalf("%s VAT number %s", c.code, v)
			}
		}
		for _, cc := range []einvoice.CountryCode{"CH", "GB", "NO"} {
			if v := r.vatID(cc); !vatValid(v) {
				t.Fatalf("%s VAT number %s", cc, v)
			}
		}
		for _, c := range euCountries {
			ib := r.ibanOf(c.code, pick(r, c.banks).code)
			if !einvoice.ValidIBAN(ib) || len(ib) != lengths[c.code] || ib[:2] != string(c.code) {
				t.Fatalf("%s IBAN %s", c.code, ib)
			}
			switch c.code {
			case einvoice.CountryFR: // the RIB key
				if k := 97 - (89*atoi([]byte(ib[4:9]))+15*atoi([]byte(ib[9:14]))+3*atoi([]byte(ib[14:25])))%97; k != atoi([]byte(ib[25:27])) {
					t.Fatalf("IBAN %s: RIB key %d", ib, k)
				}
			case einvoice.CountryES: // the two control digits
				if spanishControl([]byte("00"+ib[4:12])) != ib[12] || spanishControl([]byte(ib[14:24])) != ib[13] {
					t.Fatalf("IBAN %s: control digits", ib)
				}
			}
		}
		if ib := r.ibanOf("CH", "00762"); !einvoice.ValidIBAN(ib) || len(ib) != lengths["CH"] {
			t.Fatalf("CH IBAN %s", ib)
		}
		cid := r.creditorID("FR")
		if mod97([]byte(cid[7:]+cid[:4])) != 1 {
			t.Fatalf("creditor identifier %s", cid)
		}
		gtin := r.gs1("3", 13)
		if !luhnGS1(gtin) || len(gtin) != 13 {
			t.Fatalf("GTIN %s", gtin)
		}
	}
	// The published creditor identifiers pass the same check.
	for _, cid := range []string{"FR72ZZZ123456", "DE98ZZZ09999999999"} {
		if mod97([]byte(cid[7:]+cid[:4])) != 1 {
			t.Errorf("creditor identifier %s", cid)
		}
	}
}

// luhnGS1 checks a GS1 number (weights 3 and 1 from the right).
func luhnGS1(s string) bool {
	d, ok := digitsOf(s)
	if !ok {
		return false
	}
	sum := 0
	for i := range d {
		x := d[len(d)-1-i]
		if i%2 == 1 {
			x *= 3
		}
		sum += x
	}
	return sum%10 == 0
}

// Break's fixed SIRETs are valid, of another SIREN than the one given.
func TestOtherSIRET(t *testing.T) {
	for _, siren := range []string{"732829320", "552100554", "123456782"} {
		s := otherSIRET(siren)
		if !einvoice.ValidSIRET(s) || s[:9] == siren {
			t.Errorf("otherSIRET(%s) = %s", siren, s)
		}
	}
}
