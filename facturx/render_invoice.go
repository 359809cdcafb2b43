package facturx

import (
	"strings"

	"github.com/einvoice-go/einvoice"
	"github.com/shopspring/decimal"
)

// What the invoice shows, section by section, top to bottom.

// drawInvoice lays out the whole invoice, then the footers.
func (r *renderer) drawInvoice() {
	inv := r.inv
	title := r.l.invoice
	if inv.TypeCode.IsCreditNote() {
		title = r.l.creditNote
	}
	r.runningHead = joinNonEmpty(" – ", title+" "+r.check(inv.Number, "BT-1"), r.check(inv.Seller.Name, "BT-27"))
	r.runningRight = r.l.continued
	if !inv.IssueDate.IsZero() {
		r.runningRight = r.l.date(inv.IssueDate) + " – " + r.l.continued
	}
	r.newPage()
	r.header(title)
	r.parties()
	r.lines()
	r.allowancesCharges()
	r.vatAndTotals()
	r.payment()
	r.notes()
	r.attachments()
	r.footers()
}

// header: the seller as letterhead on the left; the title, number and dates
// on the right.
func (r *renderer) header(title string) {
	inv, l := r.inv, r.l
	const leftW, gapX = 258.0, 24.0
	rightW := contentW - leftW - gapX

	s := inv.Seller
	lb := &block{w: leftW}
	lb.add(r.sName, r.check(s.Name, "BT-27"), 0)
	lb.add(r.sBody, r.check(s.TradingName, "BT-28"), 0)
	lb.gap(3)
	r.address(lb, s.Address, r.sBody, "BT-35", "BT-36", "BT-162", "BT-37", "BT-38", "BT-39", "BT-40")
	if c := s.Contact; c != nil {
		lb.gap(2)
		r.contact(lb, c, "BT-41", "BT-42", "BT-43")
	}
	lb.gap(5)
	const lw = 78
	for _, id := range s.Identifiers {
		lb.kv(r.sLabel, r.sBody, idLabel(id, l.identifier, r.lang), r.check(id.Value, "BT-29"), lw)
	}
	lb.kv(r.sLabel, r.sBody, idLabel(s.LegalRegistration, l.registration, r.lang), r.check(s.LegalRegistration.Value, "BT-30"), lw)
	lb.kv(r.sLabel, r.sBody, l.vatID, r.check(s.VATID, "BT-31"), lw)
	lb.kv(r.sLabel, r.sBody, l.taxReg, r.check(s.TaxRegistration, "BT-32"), lw)
	lb.kv(r.sLabel, r.sBody, l.eas, r.electronic(s.ElectronicAddress, "BT-34"), lw)
	if info := r.check(s.AdditionalLegalInfo, "BT-33"); info != "" {
		lb.gap(2)
		lb.add(r.sSmall, info, 0)
	}

	rb := &block{w: rightW}
	rb.add(r.sTitle, title, 0)
	if n, ok := docTypeNames[inv.TypeCode]; ok {
		rb.add(r.sBold, n.in(r.lang), 0)
	} else if inv.TypeCode != einvoice.CommercialInvoice && inv.TypeCode != einvoice.CreditNote && inv.TypeCode != "" {
		rb.add(r.sLabel, l.docType+" "+r.check(string(inv.TypeCode), "BT-3"), 0)
	}
	rb.gap(6)
	meta := &block{w: rightW - 16}
	const mw = 82
	meta.kv(r.sLabel, r.sBold, l.numberLbl, r.check(inv.Number, "BT-1"), mw)
	if !inv.IssueDate.IsZero() {
		meta.kv(r.sLabel, r.sBold, l.issueDate, l.date(inv.IssueDate), mw)
	}
	if !inv.DueDate.IsZero() {
		meta.kv(r.sLabel, r.sBody, l.dueDate, l.date(inv.DueDate), mw)
	}
	if d := inv.Delivery; d != nil && !d.Date.IsZero() {
		meta.kv(r.sLabel, r.sBody, l.deliveryDate, l.date(d.Date), mw)
	}
	meta.kv(r.sLabel, r.sBody, l.periodLbl, l.period(inv.InvoicingPeriod), mw)
	if !inv.TaxPointDate.IsZero() {
		meta.kv(r.sLabel, r.sBody, l.taxPointDate, l.date(inv.TaxPointDate), mw)
	}
	if c := inv.TaxPointDateCode; c != "" {
		name := string(c)
		if n, ok := taxPointNames[c]; ok {
			name = n.in(r.lang)
		}
		meta.kv(r.sLabel, r.sBody, l.taxPointCode, r.check(name, "BT-8"), mw)
	}
	meta.kv(r.sLabel, r.sBody, l.currency, r.check(string(inv.Currency), "BT-5"), mw)
	meta.kv(r.sLabel, r.sBody, l.taxCurrency, r.check(string(inv.TaxCurrency), "BT-6"), mw)
	if meta.h > 0 {
		const pad = 8
		rb.shapes = append(rb.shapes, shape{x: 0, top: rb.h, w: rightW, h: meta.h + 2*pad, fill: true, c: colShade})
		rb.place(meta, pad, rb.h+pad)
		rb.h += meta.h + 2*pad
	}

	b := &block{w: contentW, h: max(lb.h, rb.h) + 14}
	b.place(lb, 0, 0)
	b.place(rb, leftW+gapX, 0)
	r.flow(b, nil)
}

// address lays out a postal address; terms are those of line 1, 2, 3,
// city, post code, subdivision and country.
func (r *renderer) address(b *block, a einvoice.Address, st style, terms ...string) {
	b.add(st, r.check(a.Line1, terms[0]), 0)
	b.add(st, r.check(a.Line2, terms[1]), 0)
	b.add(st, r.check(a.Line3, terms[2]), 0)
	b.add(st, joinNonEmpty(" ", r.check(a.PostCode, terms[4]), r.check(a.City, terms[3])), 0)
	b.add(st, r.check(a.Subdivision, terms[5]), 0)
	if a.Country != "" {
		b.add(st, r.check(countryName(a.Country, r.lang), terms[6]), 0)
	}
}

// contact lays out a contact point, its telephone and its email.
func (r *renderer) contact(b *block, c *einvoice.Contact, nameBT, phoneBT, emailBT string) {
	b.add(r.sBody, r.check(c.Name, nameBT), 0)
	if p := r.check(c.Phone, phoneBT); p != "" {
		b.add(r.sBody, r.l.phone+" "+p, 0)
	}
	b.add(r.sBody, r.check(c.Email, emailBT), 0)
}

// electronic formats an electronic address with its scheme.
func (r *renderer) electronic(a einvoice.ElectronicAddress, term string) string {
	if a.Value == "" {
		return ""
	}
	v := r.check(a.Value, term)
	if a.Scheme != "" {
		v += " (" + r.check(string(a.Scheme), term+"-1") + ")"
	}
	return v
}

// section returns a block headed by a title in capitals over a rule,
// holding content, or nil when content adds nothing.
func (r *renderer) section(title string, w float64, content func(b *block)) *block {
	inner := &block{w: w}
	content(inner)
	if inner.h == 0 {
		return nil
	}
	b := &block{w: w}
	b.h = b.text(r.sHeading, strings.ToUpper(title), 0, 0, w, left) + 1.5
	b.rule(b.h, 0.6, colRule)
	b.h += 4
	b.place(inner, 0, b.h)
	b.h += inner.h
	return b
}

// pairs flows sections two by two, side by side.
func (r *renderer) pairs(blocks ...*block) {
	var present []*block
	for _, b := range blocks {
		if b != nil {
			present = append(present, b)
		}
	}
	for i := 0; i < len(present); i += 2 {
		row := &block{w: contentW}
		row.place(present[i], 0, 0)
		row.h = present[i].h
		if i+1 < len(present) {
			row.place(present[i+1], colW+colGap, 0)
			row.h = max(row.h, present[i+1].h)
		}
		row.h += 14
		r.flow(row, nil)
	}
}

const (
	colGap = 24.0
	colW   = (contentW - colGap) / 2
)

// parties: the buyer and the references, then the delivery, the payee and
// the tax representative.
func (r *renderer) parties() {
	inv, l := r.inv, r.l
	const lw = 78
	buyer := r.section(l.buyer, colW, func(b *block) {
		by := inv.Buyer
		b.add(r.sBold, r.check(by.Name, "BT-44"), 0)
		b.add(r.sBody, r.check(by.TradingName, "BT-45"), 0)
		r.address(b, by.Address, r.sBody, "BT-50", "BT-51", "BT-163", "BT-52", "BT-53", "BT-54", "BT-55")
		if c := by.Contact; c != nil {
			b.gap(2)
			r.contact(b, c, "BT-56", "BT-57", "BT-58")
		}
		b.gap(4)
		for _, id := range by.Identifiers {
			b.kv(r.sLabel, r.sBody, idLabel(id, l.identifier, r.lang), r.check(id.Value, "BT-46"), lw)
		}
		b.kv(r.sLabel, r.sBody, idLabel(by.LegalRegistration, l.registration, r.lang), r.check(by.LegalRegistration.Value, "BT-47"), lw)
		b.kv(r.sLabel, r.sBody, l.vatID, r.check(by.VATID, "BT-48"), lw)
		b.kv(r.sLabel, r.sBody, l.eas, r.electronic(by.ElectronicAddress, "BT-49"), lw)
	})
	refs := r.section(l.references, colW, func(b *block) {
		const rw = 112
		b.kv(r.sLabel, r.sBold, l.buyerRef, r.check(inv.BuyerReference, "BT-10"), rw)
		b.kv(r.sLabel, r.sBold, l.purchaseOrder, r.check(inv.PurchaseOrderReference, "BT-13"), rw)
		b.kv(r.sLabel, r.sBody, l.contract, r.check(inv.ContractReference, "BT-12"), rw)
		b.kv(r.sLabel, r.sBody, l.project, r.check(inv.ProjectReference, "BT-11"), rw)
		b.kv(r.sLabel, r.sBody, l.salesOrder, r.check(inv.SalesOrderReference, "BT-14"), rw)
		b.kv(r.sLabel, r.sBody, l.receiving, r.check(inv.ReceivingAdviceReference, "BT-15"), rw)
		b.kv(r.sLabel, r.sBody, l.despatch, r.check(inv.DespatchAdviceReference, "BT-16"), rw)
		b.kv(r.sLabel, r.sBody, l.tender, r.check(inv.TenderOrLotReference, "BT-17"), rw)
		if o := inv.InvoicedObject; o.Value != "" {
			v := r.check(o.Value, "BT-18")
			if o.Scheme != "" {
				v += " (" + r.check(string(o.Scheme), "BT-18-1") + ")"
			}
			b.kv(r.sLabel, r.sBody, l.invoicedObject, v, rw)
		}
		b.kv(r.sLabel, r.sBody, l.accountingRef, r.check(inv.BuyerAccountingReference, "BT-19"), rw)
		for _, p := range inv.PrecedingInvoices {
			v := r.check(p.Number, "BT-25")
			if !p.IssueDate.IsZero() {
				v += " " + l.precedingOf + " " + l.date(p.IssueDate)
			}
			b.kv(r.sLabel, r.sBody, l.preceding, v, rw)
		}
		b.kv(r.sLabel, r.sBody, l.process, r.check(inv.Process.BusinessProcess, "BT-23"), rw)
	})
	var delivery, payee, taxRep *block
	if d := inv.Delivery; d != nil {
		delivery = r.section(l.delivery, colW, func(b *block) {
			b.add(r.sBold, r.check(d.PartyName, "BT-70"), 0)
			if a := d.Address; a != nil {
				r.address(b, *a, r.sBody, "BT-75", "BT-76", "BT-165", "BT-77", "BT-78", "BT-79", "BT-80")
			}
			if d.LocationID.Value != "" {
				b.gap(2)
				b.kv(r.sLabel, r.sBody, idLabel(d.LocationID, l.locationID, r.lang), r.check(d.LocationID.Value, "BT-71"), lw)
			}
		})
	}
	if p := inv.Payee; p != nil {
		payee = r.section(l.payee, colW, func(b *block) {
			b.add(r.sBold, r.check(p.Name, "BT-59"), 0)
			b.kv(r.sLabel, r.sBody, idLabel(p.Identifier, l.identifier, r.lang), r.check(p.Identifier.Value, "BT-60"), lw)
			b.kv(r.sLabel, r.sBody, idLabel(p.LegalRegistration, l.registration, r.lang), r.check(p.LegalRegistration.Value, "BT-61"), lw)
		})
	}
	if t := inv.TaxRepresentative; t != nil {
		taxRep = r.section(l.taxRep, colW, func(b *block) {
			b.add(r.sBold, r.check(t.Name, "BT-62"), 0)
			r.address(b, t.Address, r.sBody, "BT-64", "BT-65", "BT-164", "BT-66", "BT-67", "BT-68", "BT-69")
			b.gap(2)
			b.kv(r.sLabel, r.sBody, l.vatID, r.check(t.VATID, "BT-63"), lw)
		})
	}
	r.pairs(buyer, refs, delivery, payee, taxRep)
}

// column is a column of a table.
type column struct {
	w     float64
	a     align
	title string
}

const cellPad = 4.0

// tableHeader returns the header row of a table.
func (r *renderer) tableHeader(cols []column) *block {
	b := &block{w: contentW}
	h := 0.0
	x := 0.0
	for _, c := range cols {
		h = max(h, b.text(r.sHeading, c.title, x+cellPad, 4.5, c.w-2*cellPad, c.a))
		x += c.w
	}
	b.h = h + 8
	b.shapes = append([]shape{{x: 0, top: 0, w: contentW, h: b.h, fill: true, c: colShade}}, b.shapes...)
	return b
}

// cell lays out the text of a cell. Figures that do not fit their column
// get a smaller size before they wrap.
func (b *block) cell(st style, s string, x, top, w float64, a align) float64 {
	if a == right {
		for st.size > 5.5 && st.font.Width(s, st.size) > w {
			st.size -= 0.5
		}
	}
	return b.text(st, s, x, top, w, a)
}

// table flows a table: the header, then the rows, the header repeated on
// each new page.
func (r *renderer) table(cols []column, rows []*block) {
	header := r.tableHeader(cols)
	if len(rows) == 0 {
		return
	}
	r.keepWithTable(nil, cols, rows[0])
	r.flow(header, nil)
	repeat := func() {
		r.draw(header, marginX, r.y)
		r.y += header.h
	}
	r.repeatH = header.h
	for _, row := range rows {
		r.flow(row, repeat)
	}
	r.repeatH = 0
}

// keepWithTable starts a new page unless a title (or nil), the header of
// a table and its first row fit on this one.
func (r *renderer) keepWithTable(title *block, cols []column, first *block) {
	h := r.tableHeader(cols).h + first.h
	if title != nil {
		h += title.h
	}
	if h > r.room() && r.y > r.pageTop()+0.5 && h <= contentLimit-r.pageTopAfterBreak() {
		r.newPage()
	}
}

// row returns a table row from its cells' blocks, separated from the next
// by a faint rule.
func row(cells []*block, cols []column) *block {
	b := &block{w: contentW}
	x := 0.0
	for i, c := range cells {
		if c != nil {
			b.place(c, x+cellPad, 3.5)
			b.h = max(b.h, c.h)
		}
		x += cols[i].w
	}
	b.h += 6.5
	b.rule(b.h, 0.4, colFaint)
	return b
}

// lines: the lines table.
func (r *renderer) lines() {
	inv, l := r.inv, r.l
	if len(inv.Lines) == 0 {
		return
	}
	cols := []column{
		{24, left, l.colID},
		{0, left, l.colItem},
		{54, right, l.colQty},
		{44, left, l.colUnit},
		{64, right, l.colPrice},
		{40, right, l.colVAT},
		{72, right, l.colNet},
	}
	fixed := 0.0
	for _, c := range cols {
		fixed += c.w
	}
	cols[1].w = contentW - fixed

	rows := make([]*block, 0, len(inv.Lines))
	for i := range inv.Lines {
		rows = append(rows, r.lineRow(&inv.Lines[i], cols))
	}
	caption := &block{w: contentW}
	if c := r.check(string(inv.Currency), "BT-5"); c != "" {
		caption.h = caption.text(r.sSmall, l.amountsIn+" "+c, 0, 0, contentW, right) + 2
	}
	r.keepWithTable(caption, cols, rows[0])
	r.flow(caption, nil)
	r.table(cols, rows)
	r.y += 10
}

// lineRow lays out one line of the invoice.
func (r *renderer) lineRow(ln *einvoice.Line, cols []column) *block {
	l := r.l
	inner := func(i int) *block { return &block{w: cols[i].w - 2*cellPad} }
	cells := make([]*block, len(cols))

	id := inner(0)
	id.add(r.sCell, r.check(ln.ID, "BT-126"), 0)
	cells[0] = id

	item := inner(1)
	item.add(r.sCellBold, r.check(ln.Item.Name, "BT-153"), 0)
	if d := r.check(ln.Item.Description, "BT-154"); d != "" {
		item.add(r.sCell, d, 0)
	}
	var refs []string
	add := func(label, value string) {
		if value != "" {
			refs = append(refs, label+"\u00a0"+value)
		}
	}
	add(l.sellerItem, r.check(ln.Item.SellerID, "BT-155"))
	add(l.buyerItem, r.check(ln.Item.BuyerID, "BT-156"))
	if sid := ln.Item.StandardID; sid.Value != "" {
		add(idLabel(sid, l.standardID, r.lang), r.check(sid.Value, "BT-157"))
	}
	for _, c := range ln.Item.Classifications {
		v := r.check(c.Value, "BT-158")
		if c.Scheme != "" {
			v += " (" + joinNonEmpty(" ", r.check(string(c.Scheme), "BT-158-1"), r.check(c.SchemeVersion, "BT-158-2")) + ")"
		}
		add(l.classification, v)
	}
	if ln.Item.OriginCountry != "" {
		add(l.origin, r.check(countryName(ln.Item.OriginCountry, r.lang), "BT-159"))
	}
	if o := ln.Object; o.Value != "" {
		v := r.check(o.Value, "BT-128")
		if o.Scheme != "" {
			v += " (" + r.check(string(o.Scheme), "BT-128-1") + ")"
		}
		add(l.lineObject, v)
	}
	add(l.orderLine, r.check(ln.OrderLineReference, "BT-132"))
	add(l.lineAccounting, r.check(ln.BuyerAccountingReference, "BT-133"))
	add(l.linePeriod, l.period(ln.Period))
	for _, a := range ln.Item.Attributes {
		refs = append(refs, r.check(a.Name, "BT-160")+r.l.colon+r.check(a.Value, "BT-161"))
	}
	item.add(r.sDetail, strings.Join(refs, " · "), 0)

	// Price details.
	var price []string
	if g := ln.Price.Gross; g != nil {
		p := l.grossPrice + " " + l.number(*g)
		if d := ln.Price.Discount; d != nil {
			p += ", " + l.discount + " " + l.number(*d)
		}
		price = append(price, p)
	}
	if bq := ln.Price.BaseQuantity; bq != nil && !bq.Equal(decimal.New(1, 0)) {
		u := ln.Price.BaseUnit
		if u == "" {
			u = ln.Unit
		}
		price = append(price, l.priceFor+" "+l.number(*bq)+" "+r.check(unitName(u, r.lang), "BT-150"))
	}
	item.add(r.sDetail, strings.Join(price, " · "), 0)
	for _, a := range ln.Allowances {
		item.add(r.sDetail, r.acLine(l.lineAllowance, a.Reason, "BT-139", string(a.ReasonCode), "BT-140", a.Percentage, a.BaseAmount, a.Amount), 0)
	}
	for _, c := range ln.Charges {
		item.add(r.sDetail, r.acLine(l.lineCharge, c.Reason, "BT-144", string(c.ReasonCode), "BT-145", c.Percentage, c.BaseAmount, c.Amount), 0)
	}
	item.add(r.sDetail, r.check(ln.Note, "BT-127"), 0)
	cells[1] = item

	qty := inner(2)
	qty.h = qty.cell(r.sCell, l.number(ln.Quantity), 0, 0, qty.w, right)
	cells[2] = qty
	unit := inner(3)
	unit.h = unit.cell(r.sCell, r.check(unitName(ln.Unit, r.lang), "BT-130"), 0, 0, unit.w, left)
	cells[3] = unit
	pr := inner(4)
	pr.h = pr.cell(r.sCell, l.number(ln.Price.Net), 0, 0, pr.w, right)
	cells[4] = pr
	vat := inner(5)
	vat.h = vat.cell(r.sCell, r.check(l.vatShort(ln.VAT), "BT-151"), 0, 0, vat.w, right)
	cells[5] = vat
	net := inner(6)
	net.h = net.cell(r.sCellBold, l.amount(ln.NetAmount), 0, 0, net.w, right)
	cells[6] = net
	return row(cells, cols)
}

// acLine describes a line allowance or charge: "Remise – Remise quantité
// (95) : 10 % de 3 250,00 = 325,00".
func (r *renderer) acLine(kind, reason, reasonBT, code, codeBT string, pct, base *decimal.Decimal, amount decimal.Decimal) string {
	l := r.l
	s := kind
	if why := joinNonEmpty(" ", r.check(reason, reasonBT), paren(r.check(code, codeBT))); why != "" {
		s += " – " + why
	}
	s += l.colon
	if pct != nil {
		s += l.rate(*pct)
		if base != nil {
			s += " × " + l.amount(*base)
		}
		s += " = "
	}
	return s + l.amount(amount)
}

func paren(s string) string {
	if s == "" {
		return ""
	}
	return "(" + s + ")"
}

// allowancesCharges: the document level allowances and charges.
func (r *renderer) allowancesCharges() {
	inv, l := r.inv, r.l
	if len(inv.Allowances) == 0 && len(inv.Charges) == 0 {
		return
	}
	cols := []column{
		{64, left, ""},
		{0, left, l.acReason},
		{76, right, l.acBase},
		{48, right, l.acPct},
		{48, right, l.acVAT},
		{76, right, l.acAmount},
	}
	fixed := 0.0
	for _, c := range cols {
		fixed += c.w
	}
	cols[1].w = contentW - fixed
	var rows []*block
	mk := func(kind, reason, reasonBT, code, codeBT, vatBT string, base, pct *decimal.Decimal, v einvoice.VAT, amount decimal.Decimal) {
		cells := make([]*block, len(cols))
		for i := range cells {
			cells[i] = &block{w: cols[i].w - 2*cellPad}
		}
		cells[0].add(r.sCellBold, kind, 0)
		cells[1].add(r.sCell, joinNonEmpty(" ", r.check(reason, reasonBT), paren(r.check(code, codeBT))), 0)
		if base != nil {
			cells[2].h = cells[2].cell(r.sCell, l.amount(*base), 0, 0, cells[2].w, right)
		}
		if pct != nil {
			cells[3].h = cells[3].cell(r.sCell, l.rate(*pct), 0, 0, cells[3].w, right)
		}
		cells[4].h = cells[4].cell(r.sCell, r.check(l.vatShort(v), vatBT), 0, 0, cells[4].w, right)
		cells[5].h = cells[5].cell(r.sCellBold, l.amount(amount), 0, 0, cells[5].w, right)
		rows = append(rows, row(cells, cols))
	}
	for _, a := range inv.Allowances {
		mk(l.allowance, a.Reason, "BT-97", string(a.ReasonCode), "BT-98", "BT-95", a.BaseAmount, a.Percentage, a.VAT, a.Amount)
	}
	for _, c := range inv.Charges {
		mk(l.charge, c.Reason, "BT-104", string(c.ReasonCode), "BT-105", "BT-102", c.BaseAmount, c.Percentage, c.VAT, c.Amount)
	}
	title := &block{w: contentW}
	title.h = title.text(r.sHeading, strings.ToUpper(l.acTitle), 0, 0, contentW, left) + 3
	r.keepWithTable(title, cols, rows[0])
	r.flow(title, nil)
	r.table(cols, rows)
	r.y += 10
}

// vatAndTotals: the VAT breakdown on the left, the totals on the right.
func (r *renderer) vatAndTotals() {
	inv, l := r.inv, r.l
	const totalsW = 214.0
	vatW := contentW - totalsW - colGap

	var vat *block
	if len(inv.VATBreakdown) > 0 {
		vat = r.section(l.vatTitle, vatW, func(b *block) {
			cols := []column{{0, left, l.vatCategory}, {44, right, l.vatRate}, {70, right, l.vatBase}, {62, right, l.vatAmount}}
			cols[0].w = vatW - 44 - 70 - 62
			x := 0.0
			h := 0.0
			for _, c := range cols {
				h = max(h, b.text(r.sLabel, c.title, x, b.h, c.w, c.a))
				x += c.w
			}
			b.h += h + 2
			for _, v := range inv.VATBreakdown {
				top := b.h + 2
				name := string(v.Category)
				if n, ok := vatCategoryNames[v.Category]; ok {
					name += " – " + n.in(r.lang)
				}
				h := b.text(r.sCell, r.check(name, "BT-118"), 0, top, cols[0].w-4, left)
				x := cols[0].w
				if v.Rate != nil {
					h = max(h, b.cell(r.sCell, l.rate(*v.Rate), x, top, cols[1].w, right))
				}
				x += cols[1].w
				h = max(h, b.cell(r.sCell, l.amount(v.TaxableAmount), x, top, cols[2].w, right))
				x += cols[2].w
				h = max(h, b.cell(r.sCell, l.amount(v.TaxAmount), x, top, cols[3].w, right))
				// The exemption reason under the row, across the table.
				why := joinNonEmpty(" ", r.check(v.ExemptionReason, "BT-120"), paren(r.check(string(v.ExemptionReasonCode), "BT-121")))
				h += b.text(r.sDetail, why, 0, top+h, vatW, left)
				b.h = top + h + 2
				b.rule(b.h, 0.4, colFaint)
			}
		})
	}

	t := &block{w: totalsW}
	cur := inv.Currency
	line := func(label string, st style, d decimal.Decimal, c einvoice.CurrencyCode) {
		top := t.h + 2.5
		v := l.money(d, c)
		vw := min(st.font.Width(v, st.size)+2, totalsW*0.6)
		h1 := t.text(st, label, 6, top, totalsW-vw-16, left)
		h2 := t.cell(st, v, totalsW-vw-6, top, vw, right)
		t.h = top + max(h1, h2) + 2.5
	}
	lb := style{r.reg, 8.5, colText}
	if len(inv.Lines) > 0 || !inv.Totals.LineNet.IsZero() {
		line(l.lineNet, lb, inv.Totals.LineNet, cur)
	}
	if a := inv.Totals.Allowances; a != nil {
		line(l.allowances, lb, *a, cur)
	}
	if c := inv.Totals.Charges; c != nil {
		line(l.charges, lb, *c, cur)
	}
	line(l.taxExclusive, r.sBold, inv.Totals.TaxExclusive, cur)
	if v := inv.Totals.VAT; v != nil {
		line(l.vat, lb, *v, cur)
	}
	if v := inv.Totals.VATInTaxCurrency; v != nil {
		tc := inv.TaxCurrency
		line(l.vatInTaxCurrency+" "+r.check(string(tc), "BT-6"), lb, *v, tc)
	}
	t.rule(t.h+1, 0.6, colRule)
	t.h += 2
	line(l.taxInclusive, r.sTotal, inv.Totals.TaxInclusive, cur)
	if p := inv.Totals.Paid; p != nil {
		line(l.paid, lb, *p, cur)
	}
	if rd := inv.Totals.Rounding; rd != nil {
		line(l.rounding, lb, *rd, cur)
	}
	dueTop := t.h + 3
	t.h = dueTop
	line(l.due, r.sDue, inv.Totals.Due, cur)
	t.h += 3
	t.shapes = append(t.shapes, shape{x: 0, top: dueTop, w: totalsW, h: t.h - dueTop, fill: true, c: colFaint})

	b := &block{w: contentW}
	if vat != nil {
		b.place(vat, 0, 0)
		b.h = vat.h
	}
	b.place(t, contentW-totalsW, 0)
	b.h = max(b.h, t.h) + 16
	r.flow(b, nil)
}

// payment: the payment terms and instructions.
func (r *renderer) payment() {
	inv, l := r.inv, r.l
	const lw = 118
	p := inv.Payment
	sec := r.section(l.payment, contentW, func(b *block) {
		b.kv(r.sLabel, r.sBody, l.terms, r.check(inv.PaymentTerms, "BT-20"), lw)
		if p == nil {
			return
		}
		if p.MeansCode != "" || p.MeansText != "" {
			name := string(p.MeansCode)
			if n, ok := paymentMeansNames[p.MeansCode]; ok {
				name = n.in(r.lang)
			}
			name = r.check(name, "BT-81")
			if t := r.check(p.MeansText, "BT-82"); t != "" && t != name {
				name = joinNonEmpty(" – ", name, t)
			}
			b.kv(r.sLabel, r.sBody, l.means, name, lw)
		}
		for _, ct := range p.CreditTransfers {
			label := l.account
			if isIBAN(ct.AccountID) {
				label = l.iban
			}
			b.kv(r.sLabel, r.sBold, label, groupAccount(r.check(ct.AccountID, "BT-84")), lw)
			b.kv(r.sLabel, r.sBody, l.bic, r.check(ct.ProviderID, "BT-86"), lw)
			b.kv(r.sLabel, r.sBody, l.accountName, r.check(ct.AccountName, "BT-85"), lw)
		}
		b.kv(r.sLabel, r.sBold, l.remittance, r.check(p.RemittanceInfo, "BT-83"), lw)
		if c := p.Card; c != nil {
			v := "**** " + r.check(c.PrimaryAccountNumber, "BT-87")
			if h := r.check(c.HolderName, "BT-88"); h != "" {
				v += " – " + h
			}
			b.kv(r.sLabel, r.sBody, l.card, v, lw)
		}
		if d := p.DirectDebit; d != nil {
			b.kv(r.sLabel, r.sBody, l.mandate, r.check(d.MandateID, "BT-89"), lw)
			b.kv(r.sLabel, r.sBody, l.creditorID, r.check(d.CreditorID, "BT-90"), lw)
			b.kv(r.sLabel, r.sBody, l.debitedAccount, groupAccount(r.check(d.DebitedAccountID, "BT-91")), lw)
		}
	})
	if sec != nil {
		sec.h += 14
		r.flow(sec, nil)
	}
}

// isIBAN reports whether an account identifier looks like an IBAN: two
// letters, two digits, then letters and digits.
func isIBAN(s string) bool {
	s = strings.ReplaceAll(s, " ", "")
	if len(s) < 15 || len(s) > 34 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case i < 2 && 'A' <= c && c <= 'Z':
		case i >= 2 && i < 4 && '0' <= c && c <= '9':
		case i >= 4 && ('0' <= c && c <= '9' || 'A' <= c && c <= 'Z'):
		default:
			return false
		}
	}
	return true
}

// notes: the invoice notes, the French legal mentions among them.
func (r *renderer) notes() {
	inv := r.inv
	if len(inv.Notes) == 0 {
		return
	}
	title := &block{w: contentW}
	title.h = title.text(r.sHeading, strings.ToUpper(r.l.notes), 0, 0, contentW, left) + 1.5
	title.rule(title.h, 0.6, colRule)
	title.h += 4
	first := true
	for _, n := range inv.Notes {
		b := &block{w: contentW}
		b.add(r.sBody, r.check(n.Text, "BT-22"), 0)
		if b.h == 0 {
			continue
		}
		b.gap(3)
		if first {
			// Keep the title with the first note's first lines.
			if title.h+min(b.h, 3*r.sBody.lead()) > r.room() {
				r.newPage()
			}
			r.flow(title, nil)
			first = false
		}
		r.flow(b, nil)
	}
	r.y += 10
}

// attachments: the supporting documents (BG-24) the invoice refers to.
func (r *renderer) attachments() {
	inv, l := r.inv, r.l
	sec := r.section(l.attachments, contentW, func(b *block) {
		for _, a := range inv.Attachments {
			s := joinNonEmpty(" – ", r.check(a.ID, "BT-122"), r.check(a.Description, "BT-123"))
			s = joinNonEmpty(" ", s, paren(joinNonEmpty(", ", r.check(a.Filename, "BT-125-2"), r.check(a.ExternalLocation, "BT-124"))))
			b.add(r.sBody, s, 0)
		}
	})
	if sec != nil {
		r.flow(sec, nil)
	}
}
