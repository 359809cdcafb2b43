package xmlscan

import (
	"bytes"
	"encoding/base64"
	"time"

	"github.com/einvoice-go/einvoice"
	"github.com/einvoice-go/einvoice/internal/decslab"
	"github.com/shopspring/decimal"
)

// Space is XML white space, for strings.Trim.
const Space = " \t\r\n"

// IsSpace reports whether c is XML white space.
func IsSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// Trim returns b without its leading and trailing XML white space, as a
// string.
func Trim(b []byte) string { return string(TrimBytes(b)) }

// TrimBytes returns b without its leading and trailing XML white space.
func TrimBytes(b []byte) []byte {
	i, j := 0, len(b)
	for i < j && IsSpace(b[i]) {
		i++
	}
	for j > i && IsSpace(b[j-1]) {
		j--
	}
	return b[i:j]
}

// Show quotes a value for a message, clipped.
func Show(b []byte) string {
	if len(b) > 48 {
		return string(b[:45]) + "..."
	}
	return string(b)
}

// Number parses an amount, price, quantity or percentage (kind names it in
// the message), or returns the error for the innermost open element.
func (d *Scanner[S]) Number(text []byte, kind string) (decimal.Decimal, error) {
	v, ok := ParseDecimal(&d.decs, text)
	if !ok {
		return v, d.Fail("bad %s %q: want digits with an optional sign and decimal point, such as 12.30", kind, Show(text))
	}
	return v, nil
}

// ParseDecimal parses a decimal number, surrounded by white space, as
// [+-]?digits(.digits)?, at most 40 digits on each side of the point,
// keeping the number of decimals written. The other forms of xs:decimal,
// "100." and ".5", are read too (an official example writes "100."): they
// say nothing else. A number of at most 18 digits is made by sl (nil:
// alone).
func ParseDecimal(sl *decslab.Slab, text []byte) (decimal.Decimal, bool) {
	s := TrimBytes(text)
	i := 0
	neg := false
	if len(s) > 0 && (s[0] == '+' || s[0] == '-') {
		neg = s[0] == '-'
		i = 1
	}
	intStart := i
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	intDigits := i - intStart
	fracDigits := 0
	if i < len(s) && s[i] == '.' {
		i++
		fs := i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		fracDigits = i - fs
	}
	if i != len(s) || intDigits+fracDigits == 0 || intDigits > 40 || fracDigits > 40 {
		return decimal.Decimal{}, false
	}
	digits := s[intStart:]
	if intDigits+fracDigits <= 18 {
		var n int64
		for _, c := range digits {
			if c != '.' {
				n = n*10 + int64(c-'0')
			}
		}
		if neg {
			n = -n
		}
		return sl.New(n, int32(-fracDigits)), true
	}
	str := make([]byte, 0, len(s)+1)
	if neg {
		str = append(str, '-')
	}
	if intDigits == 0 {
		str = append(str, '0')
	}
	str = append(str, digits...)
	if fracDigits == 0 && str[len(str)-1] == '.' {
		str = str[:len(str)-1]
	}
	v, err := decimal.NewFromString(string(str))
	return v, err == nil
}

// ParseDate102 parses a date of UN/CEFACT format 102, YYYYMMDD, and checks
// that it exists.
func ParseDate102(s []byte) (einvoice.Date, bool) {
	if len(s) != 8 {
		return einvoice.Date{}, false
	}
	n, ok := atoi(s)
	if !ok {
		return einvoice.Date{}, false
	}
	v := einvoice.NewDate(n/10000, time.Month(n/100%100), n%100)
	return v, v.Valid()
}

// ParseISODate parses a date as YYYY-MM-DD (xs:date without a time zone)
// and checks that it exists.
func ParseISODate(s []byte) (einvoice.Date, bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return einvoice.Date{}, false
	}
	y, ok1 := atoi(s[0:4])
	m, ok2 := atoi(s[5:7])
	dd, ok3 := atoi(s[8:10])
	if !ok1 || !ok2 || !ok3 {
		return einvoice.Date{}, false
	}
	v := einvoice.NewDate(y, time.Month(m), dd)
	return v, v.Valid()
}

func atoi(s []byte) (int, bool) {
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// Base64 decodes base64 content, ignoring white space inside. It reuses
// b's storage for the cleaned text.
func Base64(b []byte) ([]byte, error) {
	clean := b[:0]
	for _, c := range b {
		if !IsSpace(c) {
			clean = append(clean, c)
		}
	}
	if len(clean) == 0 {
		return nil, nil
	}
	enc := base64.StdEncoding
	if len(clean)%4 != 0 && bytes.IndexByte(clean, '=') < 0 {
		// Some producers leave out the padding.
		enc = base64.RawStdEncoding
	}
	out := make([]byte, enc.DecodedLen(len(clean)))
	n, err := enc.Decode(out, clean)
	if err != nil {
		return nil, err
	}
	return out[:n], nil
}
