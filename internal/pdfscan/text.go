package pdfscan

import (
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// pdfDocHigh maps PDFDocEncoding 0x80..0x9F to Unicode (ISO 32000-1,
// Annex D); 0x9F is undefined.
var pdfDocHigh = [32]rune{
	0x2022, 0x2020, 0x2021, 0x2026, 0x2014, 0x2013, 0x0192, 0x2044,
	0x2039, 0x203A, 0x2212, 0x2030, 0x201E, 0x201C, 0x201D, 0x2018,
	0x2019, 0x201A, 0x2122, 0xFB01, 0xFB02, 0x0141, 0x0152, 0x0160,
	0x0178, 0x017D, 0x0131, 0x0142, 0x0153, 0x0161, 0x017E, utf8.RuneError,
}

// pdfDocLow maps PDFDocEncoding 0x18..0x1F to Unicode.
var pdfDocLow = [8]rune{0x02D8, 0x02C7, 0x02C6, 0x02D9, 0x02DD, 0x02DB, 0x02DA, 0x02DC}

// TextString decodes a PDF text string: UTF-16BE with a byte order mark,
// UTF-8 with a byte order mark (PDF 2.0), or PDFDocEncoding. A UTF-16LE
// byte order mark, which some writers use, is honoured too.
func TextString(s []byte) string {
	switch {
	case len(s) >= 2 && s[0] == 0xFE && s[1] == 0xFF:
		return utf16String(s[2:], true)
	case len(s) >= 2 && s[0] == 0xFF && s[1] == 0xFE:
		return utf16String(s[2:], false)
	case len(s) >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF:
		return strings.ToValidUTF8(string(s[3:]), "\uFFFD")
	}
	ascii := true
	for _, c := range s {
		if c >= 0x80 || (c >= 0x18 && c <= 0x1F) {
			ascii = false
			break
		}
	}
	if ascii {
		return string(s)
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for _, c := range s {
		switch {
		case c >= 0x18 && c <= 0x1F:
			b.WriteRune(pdfDocLow[c-0x18])
		case c >= 0x80 && c <= 0x9F:
			b.WriteRune(pdfDocHigh[c-0x80])
		case c == 0xA0:
			b.WriteRune(0x20AC)
		case c == 0xAD:
			b.WriteRune(utf8.RuneError)
		default:
			b.WriteRune(rune(c))
		}
	}
	return b.String()
}

func utf16String(s []byte, bigEndian bool) string {
	u := make([]uint16, len(s)/2)
	for i := range u {
		if bigEndian {
			u[i] = uint16(s[2*i])<<8 | uint16(s[2*i+1])
		} else {
			u[i] = uint16(s[2*i+1])<<8 | uint16(s[2*i])
		}
	}
	return string(utf16.Decode(u))
}
