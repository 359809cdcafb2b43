package einvoicetest

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"time"

	"github.com/einvoice-go/einvoice"
	"github.com/einvoice-go/einvoice/internal/decslab"
	"github.com/einvoice-go/einvoice/validate"
	"github.com/shopspring/decimal"
)

// pcgStream is the second word of the PCG state Invoice seeds: a constant,
// so that the seed alone names an invoice.
const pcgStream = 0x656e7631_36393331 // "env16931"

// Invoice returns the invoice that seed names for the options: complete
// (Invoice.Complete was called), valid for the rule sets the options call
// for, and the same on every platform and every run. It is New with a PCG
// source seeded with seed.
//
// Use Invoice when an invoice should be named by a number: in a table of
// test cases, in a failure message that lets a reader regenerate the
// invoice, in a file name (the command line's fixtures are Invoice(S+i)).
// Use New when the test already draws from a random stream.
func Invoice(seed uint64, opt Options) *einvoice.Invoice {
	return generate(seeded(seed, pcgStream), settingsOf(opt))
}

// New returns an invoice drawn from r for the options, as Invoice does. It
// reads r through r.Uint64 only, so that the invoice depends on r's
// stream of numbers and not on how math/rand/v2 derives its other
// draws; a nil r is a PCG source seeded with 0.
//
// Use New to draw many invoices from one stream, or invoices alongside
// other random values of a test (testing/quick, a fuzz target's seed).
func New(r *rand.Rand, opt Options) *einvoice.Invoice {
	s := settingsOf(opt)
	if r == nil {
		return generate(seeded(0, pcgStream), s)
	}
	return generate(rng{src: r}, s)
}

// gen is the state of one invoice being generated.
type gen struct {
	r    rng
	s    settings
	inv  *einvoice.Invoice
	lang lang
	tx   *texts
	// seller is the seller's country, sellerBank its bank, buyerFR
	// whether the buyer is a French company (not a public entity).
	seller     *country
	sellerBank bank
	buyerFR    bool
	// cats are the categories the lines draw from; regime is the first.
	cats   []einvoice.VATCategory
	regime einvoice.VATCategory
	issue  einvoice.Date
	credit bool
	// goods and services count the lines of each kind, for BT-23.
	goods, services int
	// sellerDomain is the seller's e-mail and web domain.
	sellerDomain string
	// publicServices are the service codes of a public buyer.
	publicServices []string
	// decs holds the optional figures of the lines (rates, base
	// quantities, gross prices), allocated together: ptr hands them out.
	decs []decimal.Decimal
	// sl makes the decimals drawn, a few to an allocation.
	sl decslab.Slab
	// text holds the strings built, a few to an allocation (see arena).
	text arena
}

// cat returns the concatenation of parts, in the invoice's text arena.
func (g *gen) cat(parts ...string) string { return g.r.t.cat(parts...) }

// ptr returns a pointer to a copy of d, from g.decs.
func (g *gen) ptr(d decimal.Decimal) *decimal.Decimal {
	if len(g.decs) == cap(g.decs) {
		g.decs = make([]decimal.Decimal, 0, 16)
	}
	g.decs = append(g.decs, d)
	return &g.decs[len(g.decs)-1]
}

func generate(r rng, s settings) *einvoice.Invoice {
	inv := &einvoice.Invoice{}
	g := &gen{r: r, s: s, inv: inv}
	g.text.b.Grow(arenaSize)
	g.r.t = &g.text
	r0 := &g.r
	inv.TypeCode = pick(r0, s.typeCodes)
	g.credit = inv.TypeCode.IsCreditNote()
	inv.Currency = pick(r0, s.currencies)
	inv.Process.Specification = s.profile.URN()
	g.chooseRegime()
	g.chooseSeller()
	g.tx = &textsOf[g.lang]
	g.dates()
	g.number()
	g.buyer()
	g.lines()
	g.documentAllowancesCharges()
	g.exemptions()
	g.references()
	g.delivery()
	g.payment()
	g.notes()
	g.attachments()
	g.process()
	if err := inv.Complete(); err != nil {
		// Not reachable: the tests generate thousands of invoices of every
		// option and complete each.
		panic("einvoicetest: bug: the generated invoice does not complete: " + err.Error())
	}
	g.afterComplete()
	g.trim()
	return inv
}

// chooseRegime draws the invoice's categories: one of the options', then
// those that go with it.
func (g *gen) chooseRegime() {
	g.regime = pick(&g.r, g.s.categories)
	if !domestic(g.regime) {
		g.cats = []einvoice.VATCategory{g.regime}
		return
	}
	g.cats = g.s.categories
	if !all(g.cats, domestic) {
		g.cats = nil
		for _, c := range g.s.categories {
			if domestic(c) {
				g.cats = append(g.cats, c)
			}
		}
	}
}

// domestic reports whether category c can be mixed with the others in an
// invoice: S, Z, E and AE.
func domestic(c einvoice.VATCategory) bool {
	switch c {
	case einvoice.VATStandard, einvoice.VATZeroRated, einvoice.VATExempt, einvoice.VATReverseCharge:
		return true
	}
	return false
}

// all reports whether f holds for every element of s.
func all[T any](s []T, f func(T) bool) bool {
	for _, v := range s {
		if !f(v) {
			return false
		}
	}
	return true
}

// hasVAT reports whether the parties have VAT identifiers: not in an
// invoice not subject to VAT (BR-O-02).
func (g *gen) hasVAT() bool { return g.regime != einvoice.VATNotSubject }

func (g *gen) chooseSeller() {
	switch {
	case g.s.french:
		g.seller = &france
	case g.regime == einvoice.VATCanaryIslands || g.regime == einvoice.VATCeutaMelilla:
		g.seller = &spain
	case g.regime == einvoice.VATSplitPayment:
		g.seller = &italy
	default:
		g.seller = pick(&g.r, sellerCountries)
	}
	g.lang = g.seller.lang
	g.sellerBank = pick(&g.r, g.seller.banks)
	c := g.seller
	s := &g.inv.Seller
	co := g.companyName(c)
	g.sellerDomain = co.domain
	s.Name, s.TradingName = co.name, co.trading
	if g.s.level < levelBasicWL {
		s.TradingName = ""
	}
	var cty city
	switch g.regime {
	case einvoice.VATCanaryIslands:
		cty = pick(&g.r, canaryCities)
	case einvoice.VATCeutaMelilla:
		cty = pick(&g.r, ceutaMelillaCities)
	default:
		cty = pick(&g.r, c.cities)
	}
	s.Address = g.address(c, cty)
	domain := co.domain
	if c.code == einvoice.CountryFR {
		siren := g.r.siren(false)
		s.Identifiers = []einvoice.ID{{Value: siret(g.r.t, siren, 1+g.r.intn(40)), Scheme: einvoice.ICDSIRET}}
		s.LegalRegistration = einvoice.ID{Value: siren, Scheme: einvoice.ICDSIREN}
		if g.hasVAT() {
			s.VATID = frenchVAT(siren)
		}
		s.ElectronicAddress = einvoice.ElectronicAddress{Value: siren, Scheme: einvoice.EAS0225}
		if g.s.level >= levelEN16931 {
			var form, of, capital, sep string // the share capital of a company that has one
			switch co.form {
			case "SAS", "SARL", "SA", "EURL":
				form, of, sep = co.form, " au capital de ", " €, "
				capital = pick(&g.r, []string{"7 500", "50 000", "120 000", "1 200 000"})
			}
			s.AdditionalLegalInfo = g.cat(form, of, capital, sep, "RCS ", cty.name, " ", siren[:3], " ", siren[3:6], " ", siren[6:])
		}
	} else {
		s.Identifiers = []einvoice.ID{{Value: g.r.gs1("40", 13), Scheme: einvoice.ICD0088}}
		vat := g.r.vatID(c.code)
		if g.hasVAT() {
			s.VATID = vat
		}
		s.LegalRegistration = g.register(c, vat)
		switch {
		case !g.hasVAT():
			s.ElectronicAddress = einvoice.ElectronicAddress{Value: g.cat("factures@", domain), Scheme: einvoice.EASEM}
		case c.eas == einvoice.EAS0208 || c.eas == einvoice.EAS0106:
			s.ElectronicAddress = einvoice.ElectronicAddress{Value: s.LegalRegistration.Value, Scheme: c.eas}
		default:
			s.ElectronicAddress = einvoice.ElectronicAddress{Value: vat, Scheme: c.eas}
		}
	}
	if g.s.level >= levelEN16931 && g.r.chance(70) {
		s.Contact = g.contact(c, domain)
	}
}

// register draws the legal registration identifier (BT-30) of a company
// of country c whose VAT number is vat: its number in the register of
// companies, with the register's scheme where it has an ICD code.
func (g *gen) register(c *country, vat string) einvoice.ID {
	switch c.code {
	case einvoice.CountryBE: // the enterprise number: the VAT number's digits
		return einvoice.ID{Value: vat[2:], Scheme: einvoice.ICD0208}
	case einvoice.CountryNL: // the chamber of commerce number
		return einvoice.ID{Value: g.r.code("", 8), Scheme: einvoice.ICD0106}
	case einvoice.CountryDE: // Handelsregister
		return einvoice.ID{Value: g.r.code(pick(&g.r, []string{"HRB ", "HRA "}), 5)}
	case einvoice.CountryAT: // Firmenbuch
		var buf [16]byte
		b := g.r.digits(append(buf[:0], "FN "...), 6, true)
		return einvoice.ID{Value: g.r.t.bytes(append(b, byte('a'+g.r.intn(26))))}
	case einvoice.CountryLU: // Registre de commerce et des sociétés
		return einvoice.ID{Value: g.r.code("B", 6)}
	case einvoice.CountryIT: // Repertorio economico amministrativo
		return einvoice.ID{Value: g.r.code("REA ", 7)}
	}
	return einvoice.ID{Value: g.cat("CIF ", vat[2:])}
}

// company is a company's name drawn from a country's tables.
type company struct {
	name, trading, form string
	domain              string // its e-mail domain
}

// companyName draws a company name of country c: its name, now and then a
// trading name, its legal form and its e-mail domain.
func (g *gen) companyName(c *country) company {
	trade, sur, sur2 := pick(&g.r, c.trades), pick(&g.r, c.surnames), pick(&g.r, c.surnames)
	co := company{form: pick(&g.r, c.forms)}
	if g.r.chance(25) && sur2 != sur {
		co.name = g.cat(sur.text, " & ", sur2.text, " ", co.form)
		co.domain = g.cat(sur.slug, "-", sur2.slug, ".", c.tld)
	} else {
		co.name = g.cat(trade.text, " ", sur.text, " ", co.form)
		co.domain = g.cat(trade.slug, "-", sur.slug, ".", c.tld)
		if g.r.chance(25) {
			co.trading = co.name[:len(trade.text)+1+len(sur.text)] // the name without the form
		}
	}
	return co
}

// address draws a street address in city cty of country c.
func (g *gen) address(c *country, cty city) einvoice.Address {
	n := int64(1 + g.r.intn(150))
	street := pick(&g.r, c.streets)
	a := einvoice.Address{City: cty.name, PostCode: cty.postCode, Subdivision: cty.subdivision, Country: c.code}
	var buf [64]byte
	b := buf[:0]
	if c.numberFirst {
		b = strconv.AppendInt(b, n, 10)
		if g.r.chance(10) {
			b = append(b, " bis"...)
		}
		b = append(append(b, ' '), street...)
	} else {
		b = strconv.AppendInt(append(append(b, street...), ' '), n, 10)
	}
	a.Line1 = g.r.t.bytes(b)
	if g.r.chance(20) {
		a.Line2 = pick(&g.r, []string{"Bâtiment B", "ZI des Tanneries", "2e étage", "Hall 3", "BP 42"})
	}
	if g.s.level < levelBasicWL {
		return einvoice.Address{Country: c.code}
	}
	return a
}

// contact draws a contact point of a company of country c.
func (g *gen) contact(c *country, domain string) *einvoice.Contact {
	name := pick(&g.r, textsOf[c.lang].contact)
	var buf [32]byte
	b := append(append(buf[:0], c.phone...), ' ')
	b = g.r.digits(b, 1, true)
	for i := 0; i < 4; i++ {
		b = g.r.digits(append(b, ' '), 2, false)
	}
	phone := g.r.t.bytes(b)
	return &einvoice.Contact{Name: name, Phone: phone, Email: g.cat(pick(&g.r, []string{"comptabilite@", "factures@", "contact@", "achats@"}), domain)}
}

// dates draws the issue date, in 2026, and the due date.
func (g *gen) dates() {
	g.issue = einvoice.NewDate(2026, time.January, 1).AddDays(g.r.intn(365))
	g.inv.IssueDate = g.issue
	if g.s.level >= levelBasicWL && !g.credit {
		g.inv.DueDate = g.issue.AddDays(pick(&g.r, []int{0, 15, 30, 30, 45, 60}))
	}
}

// number draws the invoice number (BT-1): a prefix, the year and a
// sequence number, at most 20 characters for Chorus Pro and of the
// characters the French CIUS allows.
func (g *gen) number() {
	prefix := g.tx.invoicePrefix
	if g.credit {
		prefix = g.tx.creditPrefix
	}
	sep := "-"
	if g.lang == langEN && g.r.chance(50) {
		sep = "/"
	}
	var buf [24]byte
	b := append(append(append(buf[:0], prefix...), sep...), strconv.Itoa(g.issue.Year)...)
	b = appendPad(append(b, sep...), 1+g.r.intn(99999), 5)
	g.inv.Number = g.r.t.bytes(b)
}

// ref returns a reference: prefix, the year and a dash unless year is 0,
// and n written on width digits at least.
func ref(t *arena, prefix string, year, n, width int) string {
	var buf [40]byte
	b := append(buf[:0], prefix...)
	if year != 0 {
		b = append(strconv.AppendInt(b, int64(year), 10), '-')
	}
	return t.bytes(appendPad(b, n, width))
}

// appendPad appends n, on width digits at least, to b.
func appendPad(b []byte, n, width int) []byte {
	var d [20]byte
	i := len(d)
	for n > 0 || i == len(d) {
		i--
		d[i] = byte('0' + n%10)
		n /= 10
	}
	for len(d)-i < width {
		b = append(b, '0')
		width--
	}
	return append(b, d[i:]...)
}

// buyer draws the buyer, as the regime and the options want it.
func (g *gen) buyer() {
	b := &g.inv.Buyer
	switch {
	case g.s.cpro:
		p := &publicBuyers[g.r.intn(len(publicBuyers))]
		siren := g.r.siren(true)
		b.Name = p.name
		b.Identifiers = []einvoice.ID{{Value: siret(g.r.t, siren, 1+g.r.intn(30)), Scheme: einvoice.ICDSIRET}}
		b.LegalRegistration = einvoice.ID{Value: siren, Scheme: einvoice.ICDSIREN}
		b.ElectronicAddress = einvoice.ElectronicAddress{Value: siren, Scheme: einvoice.EAS0225}
		b.Address = einvoice.Address{Line1: p.line, City: p.city.name, PostCode: p.city.postCode, Country: einvoice.CountryFR}
		g.publicServices = p.services
	case g.regime == einvoice.VATExport:
		f := &foreignBuyers[g.r.intn(len(foreignBuyers))]
		b.Name = f.name
		if f.vat {
			b.VATID = g.r.vatID(f.country)
		}
		b.Address = einvoice.Address{Line1: f.street, City: f.city.name, PostCode: f.city.postCode, Subdivision: f.city.subdivision, Country: f.country}
		b.ElectronicAddress = einvoice.ElectronicAddress{Value: g.cat("ap@", f.domain), Scheme: einvoice.EASEM}
	case g.regime == einvoice.VATSplitPayment:
		p := italianPublicBuyers[g.r.intn(len(italianPublicBuyers))]
		b.Name = p.name
		b.VATID = g.r.vatID(einvoice.CountryIT)
		b.ElectronicAddress = einvoice.ElectronicAddress{Value: b.VATID, Scheme: einvoice.EAS0211}
		b.Address = einvoice.Address{Line1: p.line, City: p.city.name, PostCode: p.city.postCode, Subdivision: p.city.subdivision, Country: einvoice.CountryIT}
	default:
		c := g.seller
		if g.regime == einvoice.VATIntraCommunity || (g.regime != einvoice.VATReverseCharge && g.regime != einvoice.VATNotSubject && g.r.chance(10)) {
			// a buyer in another EU country
			for c == g.seller {
				c = pick(&g.r, euCountries)
			}
		}
		g.company(b, c)
	}
	if g.s.level < levelBasicWL {
		// MINIMUM: the name and legal registration only.
		*b = einvoice.Buyer{Name: b.Name, LegalRegistration: b.LegalRegistration}
	}
	if g.s.level < levelEN16931 {
		b.TradingName, b.Contact = "", nil
	}
}

// company draws a company of country c as buyer.
func (g *gen) company(b *einvoice.Buyer, c *country) {
	co := g.companyName(c)
	b.Name, b.TradingName = co.name, co.trading
	b.Address = g.address(c, pick(&g.r, c.cities))
	domain := co.domain
	if c.code == einvoice.CountryFR {
		g.buyerFR = true
		siren := g.r.siren(false)
		b.Identifiers = []einvoice.ID{{Value: siret(g.r.t, siren, 1+g.r.intn(40)), Scheme: einvoice.ICDSIRET}}
		b.LegalRegistration = einvoice.ID{Value: siren, Scheme: einvoice.ICDSIREN}
		if g.hasVAT() {
			b.VATID = frenchVAT(siren)
		}
		b.ElectronicAddress = einvoice.ElectronicAddress{Value: siren, Scheme: einvoice.EAS0225}
	} else {
		vat := g.r.vatID(c.code)
		if g.hasVAT() {
			b.VATID = vat
		}
		b.LegalRegistration = g.register(c, vat)
		switch {
		case c.code == einvoice.CountryBE:
			b.ElectronicAddress = einvoice.ElectronicAddress{Value: vat[2:], Scheme: einvoice.EAS0208}
		case !g.hasVAT() || c.eas == einvoice.EAS0106:
			b.ElectronicAddress = einvoice.ElectronicAddress{Value: g.cat("invoices@", domain), Scheme: einvoice.EASEM}
		default:
			b.ElectronicAddress = einvoice.ElectronicAddress{Value: vat, Scheme: c.eas}
		}
	}
	if g.r.chance(50) {
		b.Contact = g.contact(c, domain)
	}
}

// catalogue returns the items of the invoice's language.
func (g *gen) catalogue() []item {
	switch g.lang {
	case langFR:
		return itemsFR
	case langDE:
		return itemsDE
	}
	return itemsEN
}

// rateOf returns the VAT rate of category cat for an item of rate index i.
func (g *gen) rateOf(cat einvoice.VATCategory, i int) *decimal.Decimal {
	var rates []decimal.Decimal
	switch cat {
	case einvoice.VATStandard:
		rates = g.seller.rates
	case einvoice.VATCanaryIslands:
		rates = igic
	case einvoice.VATCeutaMelilla:
		rates = ipsi
	case einvoice.VATSplitPayment:
		rates = italy.rates
	default:
		return nil // Complete sets 0 for Z, E, AE, K and G; O has none
	}
	return g.ptr(rates[min(i, len(rates)-1)])
}

// lines draws the lines.
func (g *gen) lines() {
	n := g.r.between(g.s.minLines, g.s.maxLines)
	items := g.catalogue()
	g.inv.Lines = make([]einvoice.Line, n)
	g.decs = make([]decimal.Decimal, 0, 2*n)
	for i := range g.inv.Lines {
		g.line(&g.inv.Lines[i], i, &items[g.r.intn(len(items))])
	}
}

// line draws line i, of item it.
func (g *gen) line(l *einvoice.Line, i int, it *item) {
	lvl := g.s.level
	l.ID = strconv.Itoa(i + 1)
	l.Unit = it.unit
	l.Item.Name = it.name
	if it.service {
		g.services++
	} else {
		g.goods++
	}
	cat := pick(&g.r, g.cats)
	l.VAT = einvoice.VAT{Category: cat, Rate: g.rateOf(cat, it.rateIndex)}
	switch it.qty {
	case qtyFew:
		l.Quantity = smallInt(g.r.between(1, 12))
	case qtyMany:
		l.Quantity = smallInt(5 * g.r.between(2, 100))
	case qtyHours:
		if h := g.r.between(2, 80); h%2 == 0 {
			l.Quantity = smallInt(h / 2)
		} else {
			l.Quantity = g.sl.New(int64(h*5), -1)
		}
	case qtyMeasure:
		l.Quantity = g.sl.New(int64(g.r.between(250, 40000)), -3)
	}
	pp := &it.prices[g.r.intn(len(it.prices))]
	l.Price.Net = pp.net
	if it.perHundred && lvl >= levelBasic {
		l.Price.BaseQuantity = g.ptr(smallInt(100))
		l.Price.BaseUnit = it.unit
	}
	if it.grossPrices && lvl >= levelBasic && g.r.chance(50) {
		// a gross price and a discount
		l.Price.Gross = g.ptr(pp.gross)
		l.Price.Discount = g.ptr(pp.discount)
		l.Price.Net = pp.discounted
	}
	if lvl >= levelBasic && g.r.chance(30) {
		l.Item.StandardID = einvoice.ID{Value: it.gtin, Scheme: einvoice.ICD0160}
	}
	if lvl >= levelBasic && it.service && g.r.chance(40) {
		start := einvoice.NewDate(g.issue.Year, g.issue.Month, 1)
		l.Period = &einvoice.Period{Start: start, End: start.AddDays(27)}
	}
	if lvl >= levelBasic && g.r.chance(10) {
		l.Note = pick(&g.r, []string{"Selon devis n° D-2026-118", "Livré en deux fois", `Référence client "ATELIER-3"`, "Conditionnement <carton de 12>"})
	}
	if lvl >= levelEN16931 {
		l.Item.Description = it.desc
		if g.r.chance(70) {
			l.Item.SellerID = it.ref
		}
		if g.r.chance(20) {
			l.Item.BuyerID = g.r.code("ART-", 4)
		}
		if it.hs != "" && g.r.chance(40) {
			l.Item.Classifications = append(l.Item.Classifications, einvoice.Classification{Value: it.hs, Scheme: einvoice.ClassificationHS})
		}
		if it.cpv != "" && (g.s.cpro || g.r.chance(20)) {
			l.Item.Classifications = append(l.Item.Classifications, einvoice.Classification{Value: it.cpv, Scheme: einvoice.ClassificationSTI, SchemeVersion: "2008"})
		}
		if !it.service && g.r.chance(30) {
			l.Item.OriginCountry = g.seller.code
		}
		if it.attrName != "" && g.r.chance(50) {
			l.Item.Attributes = []einvoice.ItemAttribute{{Name: it.attrName, Value: it.attrValue}}
		}
		if g.r.chance(20) {
			l.OrderLineReference = strconv.Itoa(10 * (i + 1))
		}
		if g.r.chance(15) {
			l.BuyerAccountingReference = pick(&g.r, []string{"606300", "615500", "218300", "6064"})
		}
	}
	if g.s.allowances && lvl >= levelBasic {
		switch g.r.intn(5) {
		case 0:
			pct := smallInt(pick(&g.r, []int{5, 10, 15}))
			l.Allowances = []einvoice.LineAllowance{{Percentage: &pct, Reason: g.tx.volume, ReasonCode: einvoice.AllowanceReasonDiscount}}
		case 1:
			l.Charges = []einvoice.LineCharge{{Amount: g.sl.New(int64(g.r.between(150, 1500)), -2), Reason: g.tx.packing, ReasonCode: einvoice.ChargeReasonPacking}}
		}
	}
}

// documentAllowancesCharges draws the document level allowances and
// charges.
func (g *gen) documentAllowancesCharges() {
	if !g.s.allowances || g.s.level < levelBasicWL || !g.r.chance(70) {
		return
	}
	inv := g.inv
	l := &inv.Lines[g.r.intn(len(inv.Lines))]
	vat := einvoice.VAT{Category: l.VAT.Category, Rate: copyDec(l.VAT.Rate)}
	if g.r.chance(60) {
		// a percentage of the lines of that category
		var base decimal.Decimal
		for i := range inv.Lines {
			if inv.Lines[i].VAT.Category != vat.Category || !sameRate(inv.Lines[i].VAT.Rate, vat.Rate) {
				continue
			}
			net, err := einvoice.CalculateLineNet(&inv.Lines[i])
			if err != nil {
				panic("einvoicetest: bug: " + err.Error())
			}
			base = base.Add(net)
		}
		if base.Sign() > 0 {
			pct := smallInt(pick(&g.r, []int{2, 3, 5, 10}))
			inv.Allowances = append(inv.Allowances, einvoice.Allowance{
				BaseAmount: &base, Percentage: &pct, VAT: vat, Reason: g.tx.discount, ReasonCode: einvoice.AllowanceReasonDiscount,
			})
		}
	}
	if g.r.chance(60) {
		reason, code := g.tx.freight, einvoice.ChargeReasonFreight
		switch g.r.intn(3) {
		case 1:
			reason, code = g.tx.handling, einvoice.ChargeReasonCode("ABK")
		case 2:
			reason, code = g.tx.express, einvoice.ChargeReasonCode("AAZ")
		}
		inv.Charges = append(inv.Charges, einvoice.Charge{
			Amount: g.sl.New(int64(g.r.between(490, 4900)), -2), VAT: einvoice.VAT{Category: vat.Category, Rate: copyDec(vat.Rate)},
			Reason: reason, ReasonCode: code,
		})
	}
}

func copyDec(d *decimal.Decimal) *decimal.Decimal {
	if d == nil {
		return nil
	}
	c := *d
	return &c
}

// sameRate reports whether two optional rates are equal.
func sameRate(a, b *decimal.Decimal) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return a.Equal(*b)
}

// exemptions gives the VAT breakdown of each category without VAT its
// exemption reason: Complete keeps them (and knows the code of AE, K, G
// and O, but not E's).
func (g *gen) exemptions() {
	if g.regime == einvoice.VATStandard && len(g.cats) == 1 {
		return
	}
	for _, cat := range g.usedCategories() {
		var reason string
		var code einvoice.VATEXCode
		french := g.lang == langFR && g.seller == &france
		switch cat {
		case einvoice.VATExempt:
			reason, code = g.tx.eReason, einvoice.VATEX_EU_132
			if french {
				reason = "Exonération de TVA, article 261-4-4° du CGI"
			}
		case einvoice.VATReverseCharge:
			reason = "Reverse charge"
			if french {
				reason = "Autoliquidation, article 283-2 nonies du CGI"
			}
		case einvoice.VATIntraCommunity:
			reason = "Intra-community supply"
			if french {
				reason = "Exonération de TVA, article 262 ter I du CGI"
			}
		case einvoice.VATExport:
			reason = "Export outside the EU"
			if french {
				reason = "Exonération de TVA, article 262 I du CGI (exportation)"
			}
		case einvoice.VATNotSubject:
			reason = "Not subject to VAT"
			if french {
				reason = "TVA non applicable"
			}
		default:
			continue
		}
		g.inv.VATBreakdown = append(g.inv.VATBreakdown, einvoice.VATBreakdown{Category: cat, ExemptionReason: reason, ExemptionReasonCode: code})
	}
}

// usedCategories returns the categories of the lines, in the order of
// g.cats.
func (g *gen) usedCategories() []einvoice.VATCategory {
	var used []einvoice.VATCategory
	for _, c := range g.cats {
		if slices.Contains(used, c) {
			continue
		}
		for i := range g.inv.Lines {
			if g.inv.Lines[i].VAT.Category == c {
				used = append(used, c)
				break
			}
		}
	}
	return used
}

// references draws the references to other documents (BT-10 .. BT-19).
func (g *gen) references() {
	inv, lvl, r := g.inv, g.s.level, &g.r
	if g.s.cpro {
		service := r.chance(50)
		engagement := r.chance(50)
		switch g.s.buyerRequires {
		case validate.RequiresService:
			service = true
		case validate.RequiresEngagement:
			engagement = true
		case validate.RequiresServiceOrEngagement:
			if !service && !engagement {
				service = true
			}
		case validate.RequiresServiceAndEngagement:
			service, engagement = true, true
		}
		if service {
			inv.BuyerReference = pick(r, g.publicServices)
		}
		if engagement {
			inv.PurchaseOrderReference = r.code("EJ", 10)
		}
		if lvl >= levelBasicWL && r.chance(40) {
			inv.ContractReference = ref(g.r.t, "MP-", g.issue.Year, 1+r.intn(300), 3)
		}
	} else {
		if r.chance(50) {
			inv.BuyerReference = ref(g.r.t, pick(r, []string{"ACHATS-", "CC-", "PO-", "DEPT-"}), 0, r.intn(1000), 3)
		}
		if r.chance(60) {
			inv.PurchaseOrderReference = ref(g.r.t, pick(r, []string{"BC-", "PO-", "BEST-"}), g.issue.Year, 1+r.intn(9999), 4)
		}
		if lvl >= levelBasicWL && r.chance(20) {
			inv.ContractReference = ref(g.r.t, "CTR-", g.issue.Year, 1+r.intn(300), 3)
		}
	}
	if inv.TypeCode == einvoice.DocumentType262 && lvl >= levelBasicWL && inv.ContractReference == "" {
		inv.ContractReference = ref(g.r.t, "CTR-", g.issue.Year, 1+r.intn(300), 3) // BR-FR-CO-03
	}
	if lvl >= levelBasicWL {
		if r.chance(20) {
			inv.DespatchAdviceReference = ref(g.r.t, "BL-", g.issue.Year, 1+r.intn(9999), 4)
		}
		if r.chance(15) {
			inv.BuyerAccountingReference = pick(r, []string{"606300", "615500", "6226"})
		}
		g.preceding()
	}
	if lvl >= levelEN16931 {
		if r.chance(15) {
			inv.ProjectReference = ref(g.r.t, "PRJ-", g.issue.Year, 1+r.intn(99), 2)
		}
		if r.chance(15) {
			inv.SalesOrderReference = ref(g.r.t, "CDE-", g.issue.Year, 1+r.intn(9999), 4)
		}
		if r.chance(10) {
			inv.ReceivingAdviceReference = ref(g.r.t, "REC-", 0, 1+r.intn(9999), 4)
		}
		if r.chance(10) {
			inv.TenderOrLotReference = ref(g.r.t, "AO-", g.issue.Year, 1+r.intn(40), 2) + "-LOT" + strconv.Itoa(1+r.intn(5))
		}
		if r.chance(10) {
			inv.InvoicedObject = einvoice.ObjectID{Value: ref(g.r.t, "CHANTIER-", 0, 1+r.intn(999), 3), Scheme: einvoice.ReferenceAVV}
		}
	}
}

// preceding draws the preceding invoice of credit notes and corrected
// invoices (BG-3), issued one to three months before.
func (g *gen) preceding() {
	inv := g.inv
	switch {
	case g.credit, inv.TypeCode == einvoice.DocumentType384:
	case g.r.chance(5) && !g.s.cpro:
	default:
		return
	}
	date := g.issue.AddDays(-g.r.between(30, 90))
	inv.PrecedingInvoices = []einvoice.PrecedingInvoice{{
		Number:    ref(g.r.t, g.tx.invoicePrefix+"-", date.Year, 1+g.r.intn(99999), 5),
		IssueDate: date,
	}}
}

// delivery draws the delivery (BG-13) and the invoicing period (BG-14).
func (g *gen) delivery() {
	inv, r := g.inv, &g.r
	if g.s.level < levelBasicWL {
		return
	}
	k := g.regime == einvoice.VATIntraCommunity
	if k || r.chance(50) {
		inv.Delivery = &einvoice.Delivery{Date: g.issue.AddDays(-r.intn(10))}
		if k || r.chance(30) {
			a := inv.Buyer.Address
			a.Line1 = pick(r, []string{g.tx.deliveryParty + " 2", "Quai de déchargement n° 4", "Dock 7"})
			a.Line2, a.Line3 = "", ""
			inv.Delivery.Address = &a
			inv.Delivery.PartyName = inv.Buyer.Name
		}
		if r.chance(15) {
			inv.Delivery.LocationID = einvoice.ID{Value: r.gs1("3", 13), Scheme: einvoice.ICD0088}
		}
	}
	if g.services > 0 || inv.TypeCode == einvoice.DocumentType262 || r.chance(20) {
		start := einvoice.NewDate(g.issue.Year, g.issue.Month, 1)
		if g.issue.Day < 10 {
			start = start.AddDays(-20)
			start.Day = 1
		}
		inv.InvoicingPeriod = &einvoice.Period{Start: start, End: start.AddDays(27)}
	}
}

// payment draws the payment instructions (BG-16), the payee (BG-10) and
// the payment terms (BT-20).
func (g *gen) payment() {
	inv, r, lvl := g.inv, &g.r, g.s.level
	if lvl < levelBasicWL {
		return
	}
	factored := inv.TypeCode == einvoice.DocumentType393 || inv.TypeCode == einvoice.DocumentType396
	account, bk, holder := "", g.sellerBank, inv.Seller.Name
	if factored {
		f := factors[r.intn(len(factors))]
		siren := r.siren(false)
		inv.Payee = &einvoice.Payee{
			Name:              f.name,
			Identifier:        einvoice.ID{Value: siret(g.r.t, siren, 1), Scheme: einvoice.ICDSIRET},
			LegalRegistration: einvoice.ID{Value: siren, Scheme: einvoice.ICDSIREN},
		}
		bk, holder = f.bank, f.name
		account = r.ibanOf(einvoice.CountryFR, f.bank.code)
	} else {
		account = r.ibanOf(g.seller.code, bk.code)
	}
	switch {
	case g.credit:
		inv.PaymentTerms = g.tx.creditTerms
	default:
		inv.PaymentTerms = pick(r, g.tx.terms)
	}
	means := pick(r, g.s.means)
	p := &einvoice.PaymentInstructions{MeansCode: means}
	if lvl >= levelEN16931 && r.chance(50) {
		p.MeansText = g.tx.meansText[means]
	}
	if !g.credit {
		p.RemittanceInfo = inv.Number
	}
	switch means {
	case einvoice.PaymentMeansCreditTransfer, einvoice.PaymentMeansSEPACreditTransfer, einvoice.PaymentMeansPaymentToBankAccount:
		ct := einvoice.CreditTransfer{AccountID: account}
		if lvl >= levelEN16931 {
			ct.AccountName = holder
			ct.ProviderID = bk.bic
		}
		p.CreditTransfers = []einvoice.CreditTransfer{ct}
	case einvoice.PaymentMeansDirectDebit, einvoice.PaymentMeansSEPADirectDebit:
		buyerIBAN := r.ibanOf(einvoice.CountryFR, pick(r, france.banks).code)
		if inv.Buyer.Address.Country != einvoice.CountryFR {
			if c := countryOf(inv.Buyer.Address.Country); c != nil {
				buyerIBAN = r.ibanOf(c.code, pick(r, c.banks).code)
			}
		}
		p.DirectDebit = &einvoice.DirectDebit{
			MandateID:        ref(g.r.t, "RUM-", g.issue.Year-r.intn(3), 1+r.intn(9999), 4),
			CreditorID:       r.creditorID(g.seller.code),
			DebitedAccountID: buyerIBAN,
		}
	case einvoice.PaymentMeansBankCard:
		if lvl >= levelEN16931 {
			p.Card = &einvoice.PaymentCard{PrimaryAccountNumber: "XXXX" + string(r.digits(nil, 4, false))}
			if inv.Buyer.Contact != nil && r.chance(50) {
				p.Card.HolderName = inv.Buyer.Contact.Name
			}
		}
	case einvoice.PaymentMeansCash:
		if !g.credit {
			inv.PaymentTerms = g.tx.cash
		}
	}
	inv.Payment = p
}

// countryOf returns the table of an EU country, or nil.
func countryOf(c einvoice.CountryCode) *country {
	for _, t := range euCountries {
		if t.code == c {
			return t
		}
	}
	return nil
}

// notes draws the notes (BG-1): the French legal notes, the processing
// type BAR, a note with special characters.
func (g *gen) notes() {
	inv, r := g.inv, &g.r
	if g.s.level < levelBasicWL {
		return
	}
	if g.s.french {
		inv.Notes = append(inv.Notes,
			einvoice.Note{SubjectCode: einvoice.SubjectPMT, Text: pick(r, notePMT)},
			einvoice.Note{SubjectCode: einvoice.SubjectPMD, Text: pick(r, notePMD)},
			einvoice.Note{SubjectCode: einvoice.SubjectAAB, Text: pick(r, noteAAB)},
		)
		if !g.s.cpro && r.chance(50) {
			bar := "B2BINT"
			if g.buyerFR {
				bar = "B2B"
			}
			inv.Notes = append(inv.Notes, einvoice.Note{SubjectCode: einvoice.SubjectBAR, Text: bar})
		}
	}
	if r.chance(30) {
		inv.Notes = append(inv.Notes, einvoice.Note{SubjectCode: einvoice.SubjectAAI, Text: g.tx.noteFree})
	}
	if g.s.level >= levelEN16931 && g.r.chance(20) {
		if r.chance(50) {
			inv.TaxPointDate = g.issue
		} else {
			inv.TaxPointDateCode = einvoice.TaxPointInvoiceDate
		}
	}
}

// attachments draws the supporting documents (BG-24).
func (g *gen) attachments() {
	inv, r := g.inv, &g.r
	if !g.s.attachments || g.s.level < levelEN16931 || !r.chance(70) {
		return
	}
	year := strconv.Itoa(g.issue.Year)
	n := 1 + r.intn(2)
	for i := 0; i < n; i++ {
		var a einvoice.Attachment
		switch r.intn(4) {
		case 0:
			a = einvoice.Attachment{ID: ref(g.r.t, "BL-", g.issue.Year, 1+r.intn(9999), 4), Description: "BON_LIVRAISON",
				Content: []byte(attachmentPDF), MIMECode: einvoice.MIMEPDF, Filename: "bon-livraison-" + year + ".pdf"}
			if !g.s.french {
				a.Description = "Bon de livraison signé"
			}
		case 1:
			a = einvoice.Attachment{ID: ref(g.r.t, "RELEVE-", 0, 1+r.intn(99), 2), Description: "PJA",
				Content: []byte(attachmentCSV), MIMECode: einvoice.MIMECSV, Filename: "releve-heures.csv"}
			if !g.s.french {
				a.Description = "Relevé d'heures & déplacements"
			}
		case 2:
			a = einvoice.Attachment{ID: ref(g.r.t, "PHOTO-", 0, 1+r.intn(999), 3), Description: "DOCUMENT_ANNEXE",
				Content: []byte(attachmentPNG), MIMECode: einvoice.MIMEPNG, Filename: "photo-chantier.png"}
			if !g.s.french {
				a.Description = "Photo <avant travaux>"
			}
		default:
			a = einvoice.Attachment{ID: "CGV-" + year, Description: "DOCUMENT_ANNEXE",
				ExternalLocation: "https://www." + g.sellerDomain + "/documents/cgv-" + year + ".pdf"}
			if !g.s.french {
				a.Description = `Conditions générales de vente "2026"`
			}
		}
		if i == 1 {
			a.ID += "-2"
		}
		inv.Attachments = append(inv.Attachments, a)
	}
}

// process sets the business process type (BT-23): the French billing
// mode, or now and then a Peppol process identifier.
func (g *gen) process() {
	inv, r := g.inv, &g.r
	if g.s.french {
		kind := "M"
		switch {
		case g.services == 0:
			kind = "B"
		case g.goods == 0:
			kind = "S"
		}
		mode := "1"
		if !g.credit && inv.TypeCode != einvoice.DocumentType386 && g.s.level >= levelBasicWL && r.chance(10) {
			mode = "2" // already paid
		}
		inv.Process.BusinessProcess = kind + mode
		return
	}
	if r.chance(20) {
		inv.Process.BusinessProcess = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0"
	}
}

// paidMode reports whether the French billing mode says the invoice is
// already paid (B2, S2, M2).
func paidMode(inv *einvoice.Invoice) bool {
	switch inv.Process.BusinessProcess {
	case "B2", "S2", "M2":
		return true
	}
	return false
}

// afterComplete sets what depends on the totals: the paid amount of
// invoices already paid or partly prepaid, the rounding amount, the VAT
// in the accounting currency.
func (g *gen) afterComplete() {
	inv, r, lvl := g.inv, &g.r, g.s.level
	t := &inv.Totals
	switch {
	case paidMode(inv):
		paid := t.TaxInclusive
		t.Paid = &paid
		t.Due = decimal.New(0, -2)
		inv.PaymentTerms = "Facture acquittée le " + g.issue.String() + "."
	case !g.credit && lvl >= levelBasicWL && t.TaxInclusive.Sign() > 0 && r.chance(8):
		// a prepayment of about 30 %
		paid := einvoice.RoundAmount(t.TaxInclusive.Mul(decimal.New(3, -1)))
		t.Paid = &paid
		t.Due = t.TaxInclusive.Sub(paid)
	}
	if lvl >= levelEN16931 && !paidMode(inv) && r.chance(5) {
		// round the amount due to 5 cents
		cents := t.Due.Shift(2).IntPart()
		if rem := cents % 5; rem != 0 {
			rounding := decimal.New(-rem, -2)
			t.Rounding = &rounding
			t.Due = decimal.New(cents-rem, -2)
		}
	}
	if inv.Currency != einvoice.CurrencyEUR && lvl >= levelBasicWL && t.VAT != nil && (g.s.french || r.chance(30)) {
		rate := exchangeRate(inv.Currency)
		inv.TaxCurrency = einvoice.CurrencyEUR
		v := einvoice.RoundAmount(t.VAT.Mul(decimal.New(rate, -4)))
		t.VATInTaxCurrency = &v
		inv.Notes = append(inv.Notes, einvoice.Note{SubjectCode: einvoice.SubjectAAI,
			Text: fmt.Sprintf(g.tx.exchange, inv.Currency, decimal.New(rate, -4).StringFixed(4))})
	}
}

// trim removes what the profile does not carry (the lines of MINIMUM and
// BASIC WL, the base amounts and percentages of line allowances and
// charges in BASIC, everything but MINIMUM's terms in MINIMUM), by the
// official tables of cii.
func (g *gen) trim() {
	if out, dropped := g.s.profile.Trim(g.inv); dropped != nil {
		*g.inv = *out
	}
}
