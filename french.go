package einvoice

import "strings"

// The ISO 6523 ICD schemes of French identifiers, as the French CIUS of
// the 2026 e-invoicing reform and Chorus Pro use them in the schemeID of
// party identifiers (BT-29, BT-46, BT-60, BT-71) and legal registrations
// (BT-30, BT-47, BT-61), besides ICDSIREN (0002, ValidSIREN) and ICDSIRET
// (0009, ValidSIRET).
const (
	// ICDFrenchEUCompany identifies a company of another EU country by
	// its intra-EU VAT number.
	ICDFrenchEUCompany = ICD0223
	// ICDFrenchRouting is a private identifier or routing code: the
	// Chorus Pro service code in the reform's form.
	ICDFrenchRouting = ICD0224
	// ICDFrenchAddress is a French electronic invoicing address, which
	// begins with the SIREN (BT-34, BT-49).
	ICDFrenchAddress = ICD0225
	// ICDFrenchIndividual identifies an individual.
	ICDFrenchIndividual = ICD0226
	// ICDFrenchNonEUCompany identifies a company outside the EU.
	ICDFrenchNonEUCompany = ICD0227
	// ICDRIDET is the RIDET of New Caledonia.
	ICDRIDET = ICD0228
	// ICDTAHITI is the TAHITI number of French Polynesia.
	ICDTAHITI = ICD0229
	// ICDFrenchSingleVAT identifies a member of a single VAT taxable
	// person (assujetti unique).
	ICDFrenchSingleVAT = ICD0231
	// ICDFrenchPlatform identifies an e-invoicing platform (0000 the
	// public portal, 9999 Chorus Pro).
	ICDFrenchPlatform = ICD0238
)

// allDigits reports whether s is n ASCII digits.
func allDigits(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for i := 0; i < n; i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// luhn reports whether the digits of s pass the Luhn check.
func luhn(s string) bool {
	sum := 0
	for i := 0; i < len(s); i++ {
		d := int(s[len(s)-1-i] - '0')
		if i%2 == 1 {
			if d *= 2; d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return sum%10 == 0
}

// laPoste is the SIREN of La Poste, whose establishments' SIRETs (but its
// head office's) do not follow the Luhn check.
const laPoste = "356000000"

// ValidSIREN reports whether s is a SIREN: 9 digits passing the Luhn
// check. s is taken as it is: no spaces.
func ValidSIREN(s string) bool {
	return allDigits(s, 9) && luhn(s)
}

// ValidSIRET reports whether s is a SIRET: 14 digits passing the Luhn
// check, whose first 9 are a valid SIREN. The establishments of La Poste
// (SIREN 356000000) are the one exception INSEE makes: their SIRETs have a
// digit sum that is a multiple of 5 instead, while La Poste's head office,
// 35600000000048, passes the Luhn check like any other. A number of La
// Poste passing either test is accepted. s is taken as it is: no spaces.
func ValidSIRET(s string) bool {
	if !allDigits(s, 14) || !ValidSIREN(s[:9]) {
		return false
	}
	if luhn(s) {
		return true
	}
	if s[:9] != laPoste {
		return false
	}
	sum := 0
	for i := 0; i < len(s); i++ {
		sum += int(s[i] - '0')
	}
	return sum%5 == 0
}

// SIRENOfSIRET returns the SIREN of a SIRET, its first 9 digits, and
// whether siret is a valid SIRET.
func SIRENOfSIRET(siret string) (string, bool) {
	if !ValidSIRET(siret) {
		return "", false
	}
	return siret[:9], true
}

// frenchVATKey returns the numeric key of the French VAT number of the 9
// digits siren: (12 + 3 × (SIREN mod 97)) mod 97, which is the number
// SIREN followed by 12, mod 97.
func frenchVATKey(siren string) int {
	m := 0
	for i := 0; i < len(siren); i++ {
		m = (m*10 + int(siren[i]-'0')) % 97
	}
	return (12 + 3*m) % 97
}

// FrenchVATNumber returns the French VAT number of a company, "FR", the
// two digits of its key and its SIREN (FR44732829320 for 732829320), and
// whether siren is a valid SIREN.
func FrenchVATNumber(siren string) (string, bool) {
	if !ValidSIREN(siren) {
		return "", false
	}
	k := frenchVATKey(siren)
	return "FR" + string(rune('0'+k/10)) + string(rune('0'+k%10)) + siren, true
}

// vatKeyAlphabet is the alphabet of the keys of the newer French VAT
// numbers: digits and capital letters but I and O.
const vatKeyAlphabet = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ"

// ValidFrenchVAT reports whether s is a French VAT number: "FR", a key of
// two characters and 9 digits, written without spaces. The 9 digits are a
// valid SIREN, except for Monaco's numbers, which begin with 000 and
// have no SIREN. The key is either two digits, (SIREN followed by 12) mod
// 97, or, in the newer numbers, two characters of 0-9 and A-Z but I and O,
// one at least a letter, with their own check.
func ValidFrenchVAT(s string) bool {
	if len(s) != 13 || s[:2] != "FR" || !allDigits(s[4:], 9) {
		return false
	}
	key, num := s[2:4], s[4:]
	if !strings.HasPrefix(num, "000") && !ValidSIREN(num) {
		return false
	}
	if allDigits(key, 2) {
		return int(key[0]-'0')*10+int(key[1]-'0') == frenchVATKey(num)
	}
	a, b := strings.IndexByte(vatKeyAlphabet, key[0]), strings.IndexByte(vatKeyAlphabet, key[1])
	if a < 0 || b < 0 {
		return false
	}
	var check int
	if a < 10 {
		check = a*24 + b - 10
	} else {
		check = a*34 + b - 100
	}
	n := 0
	for i := 0; i < len(num); i++ {
		n = n*10 + int(num[i]-'0')
	}
	return (n+1+check/11)%11 == check%11
}
