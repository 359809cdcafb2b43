package cii

import (
	"math/bits"
	"strconv"

	"github.com/einvoice-go/einvoice"
	"github.com/shopspring/decimal"
)

// writer appends an indented XML document to a byte slice. It records the
// first error (a figure it cannot write exactly) and ignores what follows.
type writer struct {
	buf     []byte
	depth   int
	compact bool
	err     error
	// opened is the length of buf just after the last start tag, to write
	// an element with nothing in it as <tag/>: some profiles declare
	// elements empty, and white space would be content.
	opened int
}

func (w *writer) newline() {
	if w.compact {
		return
	}
	w.buf = append(w.buf, '\n')
	for i := 0; i < w.depth; i++ {
		w.buf = append(w.buf, ' ', ' ')
	}
}

// open writes a start tag on a new line.
func (w *writer) open(tag string) {
	w.newline()
	w.buf = append(w.buf, '<')
	w.buf = append(w.buf, tag...)
	w.buf = append(w.buf, '>')
	w.depth++
	w.opened = len(w.buf)
}

// close writes an end tag on a new line.
func (w *writer) close(tag string) {
	w.depth--
	if len(w.buf) == w.opened {
		w.buf = append(w.buf[:len(w.buf)-1], '/', '>')
		return
	}
	w.newline()
	w.buf = append(w.buf, '<', '/')
	w.buf = append(w.buf, tag...)
	w.buf = append(w.buf, '>')
}

// startLeaf writes a start tag on a new line, leaving it open for
// attributes.
func (w *writer) startLeaf(tag string) {
	w.newline()
	w.buf = append(w.buf, '<')
	w.buf = append(w.buf, tag...)
}

func (w *writer) attr(name, value string) {
	w.buf = append(w.buf, ' ')
	w.buf = append(w.buf, name...)
	w.buf = append(w.buf, '=', '"')
	w.buf = appendEscaped(w.buf, value, true)
	w.buf = append(w.buf, '"')
}

func (w *writer) endLeaf(tag string) {
	w.buf = append(w.buf, '<', '/')
	w.buf = append(w.buf, tag...)
	w.buf = append(w.buf, '>')
}

// text writes <tag>text</tag>.
func (w *writer) text(tag, s string) {
	w.startLeaf(tag)
	w.buf = append(w.buf, '>')
	w.buf = appendEscaped(w.buf, s, false)
	w.endLeaf(tag)
}

// optText writes <tag>text</tag> when s is not empty.
func (w *writer) optText(tag, s string) {
	if s != "" {
		w.text(tag, s)
	}
}

// textAttr writes <tag name="value">text</tag>, without the attribute when
// value is empty.
func (w *writer) textAttr(tag, name, value, s string) {
	w.startLeaf(tag)
	if value != "" {
		w.attr(name, value)
	}
	w.buf = append(w.buf, '>')
	w.buf = appendEscaped(w.buf, s, false)
	w.endLeaf(tag)
}

// amount writes an amount as the model holds it ("100", "1436.5" and
// "12.30" stay as they are), or records an error if it has more than 2
// significant decimals: an amount is never rounded here. An amount written
// with more decimals than it has ("15.000") is written with 2, since the
// official rules count the characters after the point.
func (w *writer) amount(tag string, d decimal.Decimal, term string) {
	w.startLeaf(tag)
	w.buf = append(w.buf, '>')
	w.appendAmount(d, term)
	w.endLeaf(tag)
}

// amountCurrency writes an amount with a currencyID attribute.
func (w *writer) amountCurrency(tag string, d decimal.Decimal, currency einvoice.CurrencyCode, term string) {
	w.startLeaf(tag)
	w.attr("currencyID", string(currency))
	w.buf = append(w.buf, '>')
	w.appendAmount(d, term)
	w.endLeaf(tag)
}

func (w *writer) appendAmount(d decimal.Decimal, term string) {
	if !fitsPlaces(d, 2) {
		w.fail(&FigureError{Term: term, Value: d.String(), Msg: "an amount has at most 2 decimals; it is not rounded"})
		return
	}
	w.buf = appendDecimal(w.buf, d, min(scale(d), 2))
}

// number writes a price, quantity, percentage or rate with the decimals it
// has.
func (w *writer) number(tag string, d decimal.Decimal) {
	w.startLeaf(tag)
	w.buf = append(w.buf, '>')
	w.buf = appendDecimal(w.buf, d, scale(d))
	w.endLeaf(tag)
}

// quantity writes a quantity with its unitCode attribute.
func (w *writer) quantity(tag string, d decimal.Decimal, unit einvoice.UnitCode) {
	w.startLeaf(tag)
	if unit != "" {
		w.attr("unitCode", string(unit))
	}
	w.buf = append(w.buf, '>')
	w.buf = appendDecimal(w.buf, d, scale(d))
	w.endLeaf(tag)
}

// date writes <tag><udt:DateTimeString format="102">YYYYMMDD</...></tag>,
// or with another inner element name.
func (w *writer) date(tag, inner string, d einvoice.Date) {
	w.open(tag)
	w.startLeaf(inner)
	w.buf = append(w.buf, ` format="102">`...)
	w.buf = appendDate(w.buf, d)
	w.endLeaf(inner)
	w.close(tag)
}

func (w *writer) fail(err error) {
	if w.err == nil {
		w.err = err
	}
}

func appendDate(b []byte, d einvoice.Date) []byte {
	b = appendDigits(b, d.Year, 4)
	b = appendDigits(b, int(d.Month), 2)
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

// appendEscaped appends s with the XML special characters escaped, and in
// attributes also quotes and white space that XML would normalise.
func appendEscaped(b []byte, s string, attr bool) []byte {
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

// scale is the number of decimals d is written with.
func scale(d decimal.Decimal) int32 {
	if e := d.Exponent(); e < 0 {
		return -e
	}
	return 0
}

// fitsPlaces reports whether d has at most n significant decimals.
func fitsPlaces(d decimal.Decimal, n int32) bool {
	if d.Exponent() >= -n {
		return true
	}
	return d.Equal(d.Truncate(n))
}

var pow10 = [...]uint64{
	1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
	1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
}

// appendDecimal appends d with exactly places decimals; d must not have
// more significant decimals than that. It does not allocate for
// coefficients of up to 18 digits.
func appendDecimal(b []byte, d decimal.Decimal, places int32) []byte {
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

// FigureError is returned by Encode for a figure it cannot write exactly:
// an amount with more than 2 decimals.
type FigureError struct {
	// Term is the business term, with the model path where known.
	Term string
	// Value is the figure.
	Value string
	// Msg says what is wrong.
	Msg string
}

func (e *FigureError) Error() string { return "cii: " + e.Term + " = " + e.Value + ": " + e.Msg }
