// Package xmlw is the XML writer that the cii and ubl encoders share: it
// appends an indented (or compact) document to one byte slice, escapes
// text and attributes, and writes decimals and dates without allocating.
//
// It writes figures exactly as the model holds them and never rounds: an
// amount with more than 2 significant decimals is an error, which the
// encoding package names (see Writer.Figure).
package xmlw

import (
	"fmt"
	"math/bits"
	"strconv"

	"github.com/einvoice-go/einvoice"
	"github.com/shopspring/decimal"
)

// Writer appends an XML document to Buf. It records the first error (a
// figure it cannot write exactly) in Err and goes on writing, so that the
// caller checks once at the end.
type Writer struct {
	// Buf is the document so far.
	Buf []byte
	// Depth is the current indentation level.
	Depth int
	// Compact leaves out the indentation and line breaks.
	Compact bool
	// Err is the first error recorded.
	Err error
	// Figure makes the error for an amount that has more than 2 decimals;
	// each encoding package returns its own error type.
	Figure func(term, value, msg string) error
	// opened is the length of Buf just after the last start tag, to write
	// an element with nothing in it as <tag/>: some profiles declare
	// elements empty, and white space would be content.
	opened int
}

// Newline starts a new line indented to Depth, unless Compact.
func (w *Writer) Newline() {
	if w.Compact {
		return
	}
	if n := 1 + 2*w.Depth; n <= len(indent) {
		w.Buf = append(w.Buf, indent[:n]...)
		return
	}
	w.Buf = append(w.Buf, '\n')
	for i := 0; i < w.Depth; i++ {
		w.Buf = append(w.Buf, ' ', ' ')
	}
}

// indent is a line break and the indentation of up to 31 levels.
const indent = "\n" + "                                                              "

// Open writes a start tag on a new line.
func (w *Writer) Open(tag string) {
	w.Newline()
	w.Buf = append(w.Buf, '<')
	w.Buf = append(w.Buf, tag...)
	w.Buf = append(w.Buf, '>')
	w.Depth++
	w.opened = len(w.Buf)
}

// Close writes an end tag on a new line, or turns the start tag just
// written into <tag/>.
func (w *Writer) Close(tag string) {
	w.Depth--
	if len(w.Buf) == w.opened {
		w.Buf = append(w.Buf[:len(w.Buf)-1], '/', '>')
		return
	}
	w.Newline()
	w.Buf = append(w.Buf, '<', '/')
	w.Buf = append(w.Buf, tag...)
	w.Buf = append(w.Buf, '>')
}

// StartLeaf writes a start tag on a new line, leaving it open for
// attributes.
func (w *Writer) StartLeaf(tag string) {
	w.Newline()
	w.Buf = append(w.Buf, '<')
	w.Buf = append(w.Buf, tag...)
}

// Attr writes name="value" in the start tag StartLeaf left open.
func (w *Writer) Attr(name, value string) {
	w.Buf = append(w.Buf, ' ')
	w.Buf = append(w.Buf, name...)
	w.Buf = append(w.Buf, '=', '"')
	w.Buf = AppendEscaped(w.Buf, value, true)
	w.Buf = append(w.Buf, '"')
}

// EndLeaf writes the end tag of a leaf.
func (w *Writer) EndLeaf(tag string) {
	w.Buf = append(w.Buf, '<', '/')
	w.Buf = append(w.Buf, tag...)
	w.Buf = append(w.Buf, '>')
}

// Text writes <tag>text</tag>.
func (w *Writer) Text(tag, s string) {
	w.StartLeaf(tag)
	w.Buf = append(w.Buf, '>')
	w.Buf = AppendEscaped(w.Buf, s, false)
	w.EndLeaf(tag)
}

// OptText writes <tag>text</tag> when s is not empty.
func (w *Writer) OptText(tag, s string) {
	if s != "" {
		w.Text(tag, s)
	}
}

// TextAttr writes <tag name="value">text</tag>, without the attribute when
// value is empty.
func (w *Writer) TextAttr(tag, name, value, s string) {
	w.StartLeaf(tag)
	if value != "" {
		w.Attr(name, value)
	}
	w.Buf = append(w.Buf, '>')
	w.Buf = AppendEscaped(w.Buf, s, false)
	w.EndLeaf(tag)
}

// Amount writes an amount as the model holds it ("100", "1436.5" and
// "12.30" stay as they are), or records an error if it has more than 2
// significant decimals: an amount is never rounded here. An amount written
// with more decimals than it has ("15.000") is written with 2, since the
// official rules count the characters after the point.
func (w *Writer) Amount(tag string, d decimal.Decimal, term string) {
	w.StartLeaf(tag)
	w.Buf = append(w.Buf, '>')
	w.AppendAmount(d, term)
	w.EndLeaf(tag)
}

// AmountCurrency writes an amount with a currencyID attribute.
func (w *Writer) AmountCurrency(tag string, d decimal.Decimal, currency einvoice.CurrencyCode, term string) {
	w.StartLeaf(tag)
	w.Attr("currencyID", string(currency))
	w.Buf = append(w.Buf, '>')
	w.AppendAmount(d, term)
	w.EndLeaf(tag)
}

// AppendAmount appends an amount as Amount writes it, or records an error.
func (w *Writer) AppendAmount(d decimal.Decimal, term string) {
	if !FitsPlaces(d, 2) {
		const msg = "an amount has at most 2 decimals; it is not rounded"
		if w.Figure == nil {
			w.Fail(figureError(term + " = " + d.String() + ": " + msg))
		} else {
			w.Fail(w.Figure(term, d.String(), msg))
		}
		return
	}
	w.Buf = AppendDecimal(w.Buf, d, min(Scale(d), 2))
}

// Number writes a price, quantity, percentage or rate with the decimals it
// has.
func (w *Writer) Number(tag string, d decimal.Decimal) {
	w.StartLeaf(tag)
	w.Buf = append(w.Buf, '>')
	w.Buf = AppendDecimal(w.Buf, d, Scale(d))
	w.EndLeaf(tag)
}

// NumberAttr writes a number with the decimals it has and an attribute,
// left out when value is empty: a quantity with its unitCode, a price with
// its currencyID.
func (w *Writer) NumberAttr(tag, name, value string, d decimal.Decimal) {
	w.StartLeaf(tag)
	if value != "" {
		w.Attr(name, value)
	}
	w.Buf = append(w.Buf, '>')
	w.Buf = AppendDecimal(w.Buf, d, Scale(d))
	w.EndLeaf(tag)
}

// Quantity writes a quantity with its unitCode attribute.
func (w *Writer) Quantity(tag string, d decimal.Decimal, unit einvoice.UnitCode) {
	w.NumberAttr(tag, "unitCode", string(unit), d)
}

// figureError is the error of a Writer whose Figure is nil.
type figureError string

func (e figureError) Error() string { return string(e) }

// Fail records err if no error was recorded before.
func (w *Writer) Fail(err error) {
	if w.Err == nil {
		w.Err = err
	}
}

// CheckDate records an error for a date that does not exist, such as the
// zero Date of a missing 1..1 date (an issue date, BT-2): writing it would
// give a document no reader accepts.
func (w *Writer) CheckDate(tag string, d einvoice.Date) {
	if d.Valid() {
		return
	}
	const msg = "not a calendar date (a required date missing?)"
	value := fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
	if w.Figure == nil {
		w.Fail(figureError(tag + " = " + value + ": " + msg))
	} else {
		w.Fail(w.Figure(tag, value, msg))
	}
}

// AppendDate appends d as YYYYMMDD (format 102 of UNTDID 2379).
func AppendDate(b []byte, d einvoice.Date) []byte {
	b = appendDigits(b, d.Year, 4)
	b = appendDigits(b, int(d.Month), 2)
	return appendDigits(b, d.Day, 2)
}

// AppendISODate appends d as YYYY-MM-DD.
func AppendISODate(b []byte, d einvoice.Date) []byte {
	b = appendDigits(b, d.Year, 4)
	b = append(b, '-')
	b = appendDigits(b, int(d.Month), 2)
	b = append(b, '-')
	return appendDigits(b, d.Day, 2)
}

func appendDigits(b []byte, n, width int) []byte {
	var tmp [20]byte
	s := strconv.AppendInt(tmp[:0], int64(n), 10)
	for i := len(s); i < width; i++ {
		b = append(b, '0')
	}
	return append(b, s...)
}

// AppendEscaped appends s with the XML special characters escaped, and in
// attributes also quotes and white space that XML would normalise.
func AppendEscaped(b []byte, s string, attr bool) []byte {
	start := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch c := s[i]; c {
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '&':
			esc = "&amp;"
		case '\r':
			esc = "&#xD;"
		case '"':
			if attr {
				esc = "&quot;"
			}
		case '\n':
			if attr {
				esc = "&#xA;"
			}
		case '\t':
			if attr {
				esc = "&#x9;"
			}
		}
		if esc != "" {
			b = append(b, s[start:i]...)
			b = append(b, esc...)
			start = i + 1
		}
	}
	return append(b, s[start:]...)
}

// Scale is the number of decimals d is written with.
func Scale(d decimal.Decimal) int32 {
	if e := d.Exponent(); e < 0 {
		return -e
	}
	return 0
}

// FitsPlaces reports whether d has at most n significant decimals.
func FitsPlaces(d decimal.Decimal, n int32) bool {
	if d.Exponent() >= -n {
		return true
	}
	return d.Equal(d.Truncate(n))
}

var pow10 = [...]uint64{
	1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
	1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
}

// AppendDecimal appends d with exactly places decimals; d must not have
// more significant decimals than that. It does not allocate for
// coefficients of up to 18 digits.
func AppendDecimal(b []byte, d decimal.Decimal, places int32) []byte {
	if d.NumDigits() > 18 || places > 19 {
		return append(b, d.StringFixed(places)...)
	}
	c, e := d.CoefficientInt64(), d.Exponent()
	neg := c < 0
	u := uint64(c)
	if neg {
		u = uint64(-c)
	}
	switch shift := int64(e) + int64(places); {
	case shift > 0:
		if shift > 19 {
			return append(b, d.StringFixed(places)...)
		}
		hi, lo := bits.Mul64(u, pow10[shift])
		if hi != 0 {
			return append(b, d.StringFixed(places)...)
		}
		u = lo
	case shift < 0:
		if -shift > 19 {
			return append(b, d.StringFixed(places)...)
		}
		u /= pow10[-shift] // exact: the caller checked the decimals
	}
	var tmp [48]byte
	digits := strconv.AppendUint(tmp[:0], u, 10)
	if neg && u != 0 {
		b = append(b, '-')
	}
	if places == 0 {
		return append(b, digits...)
	}
	p := int(places)
	if len(digits) <= p {
		b = append(b, '0', '.')
		for i := len(digits); i < p; i++ {
			b = append(b, '0')
		}
		return append(b, digits...)
	}
	b = append(b, digits[:len(digits)-p]...)
	b = append(b, '.')
	return append(b, digits[len(digits)-p:]...)
}
