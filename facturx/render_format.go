package facturx

import (
	"strconv"
	"strings"
	"time"

	"github.com/einvoice-go/einvoice"
	"github.com/shopspring/decimal"
)

// Figures are printed as the model holds them: never rounded, never through
// a float64. An amount shows at least 2 decimals ("100" as "100,00"), and
// all the significant ones it has; a price, a quantity or a rate shows the
// decimals of its value's scale ("62.5000" stays "62,5000").

// scale returns the number of decimals d is written with.
func scale(d decimal.Decimal) int32 {
	if e := d.Exponent(); e < 0 {
		return -e
	}
	return 0
}

// significant returns the number of decimals of d without its trailing
// zeros.
func significant(d decimal.Decimal) int32 {
	p := scale(d)
	for p > 0 && d.Equal(d.Truncate(p-1)) {
		p--
	}
	return p
}

// formatDecimal writes d with places decimals, which must be at least its
// significant decimals, so that StringFixed only pads: the integer part in
// groups of three.
func (l *labels) formatDecimal(d decimal.Decimal, places int32) string {
	s := d.StringFixed(places)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	b.Grow(len(s) + 8)
	if neg {
		b.WriteByte('-')
	}
	for i := 0; i < len(intPart); i++ {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteString(l.groupSep)
		}
		b.WriteByte(intPart[i])
	}
	if frac != "" {
		b.WriteString(l.decimalSep)
		b.WriteString(frac)
	}
	return b.String()
}

// amount formats an amount: 2 decimals, or more when it has more.
func (l *labels) amount(d decimal.Decimal) string {
	return l.formatDecimal(d, max(2, significant(d)))
}

// money formats an amount with its currency: "1 234,56 €" for euros in
// French, "1,234.56 EUR" in English.
func (l *labels) money(d decimal.Decimal, c einvoice.CurrencyCode) string {
	s := l.amount(d)
	switch {
	case c == "":
		return s
	case c == einvoice.CurrencyEUR && l.euroSymbol:
		return s + "\u00a0€"
	}
	return s + "\u00a0" + string(c)
}

// number formats a price, quantity or percentage with the decimals of its
// scale.
func (l *labels) number(d decimal.Decimal) string {
	return l.formatDecimal(d, scale(d))
}

// rate formats a percentage: "5,5 %" in French, "5.5%" in English.
func (l *labels) rate(d decimal.Decimal) string {
	return l.number(d) + l.percent
}

// date formats a date: "15/06/2026" in French, "15 Jun 2026" in English.
// A date that does not exist is printed as its figures.
func (l *labels) date(d einvoice.Date) string {
	if l.numericDate || d.Month < time.January || d.Month > time.December {
		return pad2(d.Day) + "/" + pad2(int(d.Month)) + "/" + strconv.Itoa(d.Year)
	}
	return strconv.Itoa(d.Day) + " " + l.months[d.Month-1] + " " + strconv.Itoa(d.Year)
}

func pad2(n int) string {
	if n >= 0 && n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// period formats a period, either end of which may be missing.
func (l *labels) period(p *einvoice.Period) string {
	switch {
	case p == nil || (p.Start.IsZero() && p.End.IsZero()):
		return ""
	case p.End.IsZero():
		return l.date(p.Start) + " –"
	case p.Start.IsZero():
		return "– " + l.date(p.End)
	}
	return l.date(p.Start) + " – " + l.date(p.End)
}

// groupAccount writes an IBAN-like account identifier in groups of four
// ("FR76 3000 4012 ..."), the way it is printed on paper. Identifiers with
// characters other than letters and digits are left as they are.
func groupAccount(s string) string {
	compact := strings.ReplaceAll(s, " ", "")
	if len(compact) < 8 {
		return s
	}
	for i := 0; i < len(compact); i++ {
		c := compact[i]
		if !('0' <= c && c <= '9' || 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z') {
			return s
		}
	}
	var b strings.Builder
	for i := 0; i < len(compact); i += 4 {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(compact[i:min(i+4, len(compact))])
	}
	return b.String()
}

// vatShort is the VAT column of a line, an allowance or a charge: the rate
// for the standard and zero rates, the category otherwise ("E", "AE"),
// with the rate when it is not zero.
func (l *labels) vatShort(v einvoice.VAT) string {
	switch {
	case v.Category == einvoice.VATStandard && v.Rate != nil, v.Category == einvoice.VATZeroRated && v.Rate != nil:
		return l.rate(*v.Rate)
	case v.Rate != nil && !v.Rate.IsZero():
		return string(v.Category) + " " + l.rate(*v.Rate)
	}
	return string(v.Category)
}

// unit names a unit of measure, or returns its code.
func unitName(u einvoice.UnitCode, lang Language) string {
	if n, ok := unitNames[u]; ok {
		return n.in(lang)
	}
	return string(u)
}

// countryName names a country, or returns its code.
func countryName(c einvoice.CountryCode, lang Language) string {
	if n, ok := countryNames[c]; ok {
		return n.in(lang)
	}
	return string(c)
}

// idLabel names an identifier by its scheme ("SIRET"), or returns def
// with the scheme code.
func idLabel(id einvoice.ID, def string, lang Language) string {
	if n, ok := schemeNames[id.Scheme]; ok {
		return n.in(lang)
	}
	if id.Scheme != "" {
		return def + " (" + string(id.Scheme) + ")"
	}
	return def
}
