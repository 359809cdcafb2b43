package einvoicetest

import (
	"github.com/einvoice-go/einvoice"
)

// Identifiers that pass their checks: SIREN and SIRET (Luhn), VAT numbers
// with the check digits of their country, IBANs (ISO 7064 mod 97-10) with
// the national check digits of France and Spain, GTINs and GLNs (GS1),
// SEPA creditor identifiers. They are drawn at random and belong to no
// company anyone knows of; the tests check every one of them.

// digits appends n random decimal digits to b, the first one not 0 when
// nonZero. It draws 18 digits at a time from one 64-bit number (10^18 is
// below 2^64, and the remainder's bias is below 10^-1).
func (r *rng) digits(b []byte, n int, nonZero bool) []byte {
	if n > 0 && nonZero {
		b = append(b, byte('1'+r.intn(9)))
		n--
	}
	for n > 0 {
		k := min(n, 18)
		v := r.u64() % pow10[k]
		for i := k - 1; i >= 0; i-- {
			b = append(b, byte('0'+v/pow10[i]%10))
		}
		n -= k
	}
	return b
}

// pow10 holds the powers of ten up to 10^18.
var pow10 = func() (p [19]uint64) {
	p[0] = 1
	for i := 1; i < len(p); i++ {
		p[i] = p[i-1] * 10
	}
	return p
}()

// code returns prefix followed by n random digits, the first not 0.
func (r *rng) code(prefix string, n int) string {
	var buf [32]byte
	return r.t.bytes(r.digits(append(buf[:0], prefix...), n, true))
}

// luhnDigit returns the digit that, appended to the digits of b, makes a
// number passing the Luhn check.
func luhnDigit(b []byte) byte {
	sum := 0
	for i := 0; i < len(b); i++ {
		d := int(b[len(b)-1-i] - '0')
		if i%2 == 0 { // doubled: the check digit will be the rightmost
			if d *= 2; d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return byte('0' + (10-sum%10)%10)
}

// siren draws a SIREN: 8 digits and the Luhn key. The first digit of a
// company's SIREN is 3 to 9; a public entity's (public) is 1 or 2 (the
// State, local authorities).
func (r *rng) siren(public bool) string {
	var buf [9]byte
	b := buf[:0]
	if public {
		b = append(b, byte('1'+r.intn(2)))
	} else {
		b = append(b, byte('3'+r.intn(7)))
	}
	b = r.digits(b, 7, false)
	return r.t.bytes(append(b, luhnDigit(b)))
}

// siret returns the SIRET of the establishment nic (1 .. 9999) of a SIREN:
// the SIREN, the establishment number on 4 digits and the Luhn key.
func siret(t *arena, siren string, nic int) string {
	var buf [14]byte
	b := append(buf[:0], siren...)
	b = append(b, byte('0'+nic/1000%10), byte('0'+nic/100%10), byte('0'+nic/10%10), byte('0'+nic%10))
	return t.bytes(append(b, luhnDigit(b)))
}

// frenchVAT returns the French VAT number of a SIREN.
func frenchVAT(siren string) string {
	v, _ := einvoice.FrenchVATNumber(siren)
	return v
}

// gs1 draws a GS1 number (GTIN-13 or GLN) of n digits starting with prefix,
// with its check digit.
func (r *rng) gs1(prefix string, n int) string {
	var buf [14]byte
	b := append(buf[:0], prefix...)
	b = r.digits(b, n-1-len(prefix), false)
	return r.t.bytes(append(b, gs1Check(b)))
}

// gs1Check returns the GS1 check digit of the digits of b.
func gs1Check(b []byte) byte {
	sum := 0
	for i := 0; i < len(b); i++ {
		d := int(b[len(b)-1-i] - '0')
		if i%2 == 0 {
			d *= 3
		}
		sum += d
	}
	return byte('0' + (10-sum%10)%10)
}

// mod97 returns the number written by s mod 97, letters counting 10 to 35
// (A to Z), as ISO 7064 mod 97-10 reads IBANs and creditor identifiers.
func mod97(s []byte) int {
	m := 0
	for _, c := range s {
		switch {
		case '0' <= c && c <= '9':
			m = (m*10 + int(c-'0')) % 97
		case 'A' <= c && c <= 'Z':
			m = (m*100 + int(c-'A') + 10) % 97
		}
	}
	return m
}

// checkDigits97 returns the two check digits of ISO 7064 mod 97-10 for
// the national part national of an identifier of country cc: 98 - (national
// cc 00 mod 97).
func checkDigits97(national []byte, cc string) (byte, byte) {
	var buf [48]byte
	b := append(append(append(buf[:0], national...), cc...), '0', '0')
	k := 98 - mod97(b)
	return byte('0' + k/10), byte('0' + k%10)
}

// iban returns the IBAN of country cc with the basic bank account number
// bban.
func iban(t *arena, cc string, bban []byte) string {
	d1, d2 := checkDigits97(bban, cc)
	var buf [34]byte
	b := append(append(buf[:0], cc...), d1, d2)
	return t.bytes(append(b, bban...))
}

// ibanOf draws an IBAN of country cc, of the right length, with the
// national check digits of France (the RIB key) and Spain. bank is the
// bank's code in the BBAN (its digits or letters, as banks lists it).
func (r *rng) ibanOf(cc einvoice.CountryCode, bank string) string {
	var buf [30]byte
	b := append(buf[:0], bank...)
	switch cc {
	case einvoice.CountryFR:
		// bank (5), branch (5), account (11), RIB key (2).
		b = r.digits(b, 5+11, false)
		key := 97 - (89*atoi(b[0:5])+15*atoi(b[5:10])+3*atoi(b[10:21]))%97
		b = append(b, byte('0'+key/10), byte('0'+key%10))
	case einvoice.CountryES:
		// bank (4), branch (4), 2 control digits, account (10).
		b = r.digits(b, 4, false)
		account := r.digits(nil, 10, false)
		b = append(b, spanishControl(append([]byte("00"), b[:8]...)), spanishControl(account))
		b = append(b, account...)
	case einvoice.CountryDE:
		b = r.digits(b, 10, false) // Bankleitzahl (8) given, account (10)
	case einvoice.CountryBE:
		// bank (3), account (7), check (2): the first 10 digits mod 97.
		b = r.digits(b, 7, false)
		k := atoi(b[:10]) % 97
		if k == 0 {
			k = 97
		}
		b = append(b, byte('0'+k/10), byte('0'+k%10))
	case einvoice.CountryIT:
		// CIN (1 letter), ABI (5) and CAB (5) given, account (12).
		b = r.digits(b, 12, false)
	case einvoice.CountryNL:
		b = r.digits(b, 10, true) // bank (4 letters) given, account (10)
	case einvoice.CountryAT:
		b = r.digits(b, 11, false) // bank (5) given, account (11)
	case einvoice.CountryLU:
		b = r.digits(b, 13, false) // bank (3) given, account (13)
	case einvoice.CountryCH:
		b = r.digits(b, 12, false) // bank (5) given, account (12)
	default:
		b = r.digits(b, 12, false)
	}
	return iban(r.t, string(cc), b)
}

// atoi returns the number the digits of b write; b has at most 18 digits.
func atoi(b []byte) int {
	n := 0
	for _, c := range b {
		n = n*10 + int(c-'0')
	}
	return n
}

// spanishControl returns a control digit of a Spanish account number (CCC)
// for 10 digits.
func spanishControl(d []byte) byte {
	weights := [10]int{1, 2, 4, 8, 5, 10, 9, 7, 3, 6}
	sum := 0
	for i, c := range d {
		sum += int(c-'0') * weights[i]
	}
	k := 11 - sum%11
	switch k {
	case 11:
		k = 0
	case 10:
		k = 1
	}
	return byte('0' + k)
}

// creditorID draws the SEPA creditor identifier of a creditor of country
// cc: cc, check digits, the business code ZZZ and a national identifier of
// 6 characters (France's form), the check digits computed without the
// business code.
func (r *rng) creditorID(cc einvoice.CountryCode) string {
	national := r.digits(nil, 6, true)
	d1, d2 := checkDigits97(national, string(cc))
	return r.t.bytes(append(append(append([]byte(cc), d1, d2), "ZZZ"...), national...))
}

// vatID draws the VAT identifier of a company of country cc, with its
// country's check digits. For France, use frenchVAT of the SIREN.
func (r *rng) vatID(cc einvoice.CountryCode) string {
	var buf [16]byte
	b := buf[:0]
	switch cc {
	case einvoice.CountryDE:
		// 8 digits and the ISO 7064 mod 11,10 check digit.
		b = r.digits(append(b, 'D', 'E'), 8, true)
		product := 10
		for _, c := range b[2:] {
			sum := (int(c-'0') + product) % 10
			if sum == 0 {
				sum = 10
			}
			product = 2 * sum % 11
		}
		return r.t.bytes(append(b, byte('0'+(11-product)%10)))
	case einvoice.CountryBE:
		// 0, 7 digits, and 97 - (those 8 digits mod 97).
		b = r.digits(append(b, 'B', 'E', '0'), 7, true)
		k := 97 - atoi(b[2:])%97
		return r.t.bytes(append(b, byte('0'+k/10), byte('0'+k%10)))
	case einvoice.CountryIT:
		// 7 digits of the company, 3 of the tax office, a Luhn key.
		b = r.digits(append(b, 'I', 'T'), 7, true)
		office := 1 + r.intn(100)
		b = append(b, byte('0'+office/100), byte('0'+office/10%10), byte('0'+office%10))
		return r.t.bytes(append(b, luhnDigit(b[2:])))
	case einvoice.CountryES:
		// A company (letter B), 7 digits and the CIF control digit.
		b = r.digits(append(b, 'E', 'S', 'B'), 7, true)
		return r.t.bytes(append(b, byte('0'+(10-crossSum(b[3:], 0)%10)%10)))
	case einvoice.CountryNL:
		// 9 digits passing the eleven test, then B01.
		return r.mod11("NL", []int{9, 8, 7, 6, 5, 4, 3, 2}, func(s int) int { return s % 11 }, "B01")
	case einvoice.CountryAT:
		// U, 7 digits and the Austrian check digit.
		b = r.digits(append(b, 'A', 'T', 'U'), 7, true)
		return r.t.bytes(append(b, byte('0'+(10-(crossSum(b[3:], 1)+4)%10)%10)))
	case einvoice.CountryLU:
		// 6 digits and their value mod 89.
		b = r.digits(append(b, 'L', 'U'), 6, true)
		k := atoi(b[2:]) % 89
		return r.t.bytes(append(b, byte('0'+k/10), byte('0'+k%10)))
	case einvoice.CountryCH:
		// CHE, 8 digits and the mod 11 check digit of the Swiss UID.
		return r.mod11("CHE", []int{5, 4, 3, 2, 7, 6, 5, 4}, elevenMinus, "")
	case einvoice.CountryGB:
		// 7 digits and 2 check digits: the weighted sum and them make a
		// multiple of 97.
		b = r.digits(append(b, 'G', 'B'), 7, true)
		k := (97 - weighted(b[2:], []int{8, 7, 6, 5, 4, 3, 2})%97) % 97
		return r.t.bytes(append(b, byte('0'+k/10), byte('0'+k%10)))
	case einvoice.CountryNO:
		// 9 digits (the organisation number, mod 11) and MVA.
		return r.mod11("NO", []int{3, 2, 7, 6, 5, 4, 3, 2}, elevenMinus, "MVA")
	}
	return ""
}

// weighted returns the sum of the digits of b times their weights.
func weighted(b []byte, weights []int) int {
	sum := 0
	for i, c := range b {
		sum += int(c-'0') * weights[i]
	}
	return sum
}

// crossSum returns the sum of the digits of b, those of the parity of
// doubled (0: the first, 1: the second, ...) doubled and replaced by the
// sum of their digits.
func crossSum(b []byte, doubled int) int {
	sum := 0
	for i, c := range b {
		d := int(c - '0')
		if i%2 == doubled {
			d *= 2
			d = d/10 + d%10
		}
		sum += d
	}
	return sum
}

// elevenMinus is the check digit of a mod 11 scheme: 11 - sum mod 11, and
// 0 for 11.
func elevenMinus(sum int) int { return (11 - sum%11) % 11 }

// mod11 draws a number of the digits the weights weigh after prefix, and
// the check digit check gives their weighted sum, again until that is a
// digit (not 10), then suffix.
func (r *rng) mod11(prefix string, weights []int, check func(int) int, suffix string) string {
	var buf [16]byte
	for {
		b := r.digits(append(buf[:0], prefix...), len(weights), true)
		if k := check(weighted(b[len(prefix):], weights)); k < 10 {
			return r.t.bytes(append(append(b, byte('0'+k)), suffix...))
		}
	}
}
