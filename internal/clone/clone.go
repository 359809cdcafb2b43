// Package clone copies an invoice deeply enough to change the copy's
// fields, lists and groups without touching the original: what
// einvoicetest.Break does to its work copy and what cii's Trim does to
// drop terms.
package clone

import (
	"slices"

	"github.com/einvoice-go/einvoice"
)

// Invoice returns a copy of inv with its own slices and its own groups
// behind pointers, at every depth (the EXTENDED parties, a line's seller,
// delivery and preceding invoice, an attribute's measure included). Two
// things are shared, which callers replace and never write through: the
// figures behind pointers (*decimal.Decimal; a decimal itself is an
// immutable value) and the bytes of attached documents.
func Invoice(inv *einvoice.Invoice) *einvoice.Invoice {
	c := *inv
	c.Notes = slices.Clone(inv.Notes)
	c.PrecedingInvoices = slices.Clone(inv.PrecedingInvoices)
	c.Seller.Identifiers = slices.Clone(inv.Seller.Identifiers)
	c.Seller.Contact = ptr(inv.Seller.Contact)
	c.Buyer.Identifiers = slices.Clone(inv.Buyer.Identifiers)
	c.Buyer.Contact = ptr(inv.Buyer.Contact)
	c.Payee = ptr(inv.Payee)
	for _, p := range []**einvoice.Party{&c.BuyerAgent, &c.Payer, &c.SalesAgent, &c.Invoicee, &c.Invoicer} {
		*p = party(*p)
	}
	c.TaxRepresentative = ptr(inv.TaxRepresentative)
	c.Delivery = delivery(inv.Delivery)
	c.InvoicingPeriod = ptr(inv.InvoicingPeriod)
	if p := ptr(inv.Payment); p != nil {
		p.CreditTransfers = slices.Clone(p.CreditTransfers)
		p.Card = ptr(p.Card)
		p.DirectDebit = ptr(p.DirectDebit)
		c.Payment = p
	}
	c.Allowances = slices.Clone(inv.Allowances)
	c.Charges = slices.Clone(inv.Charges)
	c.VATBreakdown = slices.Clone(inv.VATBreakdown)
	c.Attachments = slices.Clone(inv.Attachments)
	c.Lines = slices.Clone(inv.Lines)
	for i := range c.Lines {
		l := &c.Lines[i]
		l.Period = ptr(l.Period)
		l.Allowances = slices.Clone(l.Allowances)
		l.Charges = slices.Clone(l.Charges)
		l.Item.Classifications = slices.Clone(l.Item.Classifications)
		l.Item.Attributes = slices.Clone(l.Item.Attributes)
		for j := range l.Item.Attributes {
			a := &l.Item.Attributes[j]
			a.Measure = ptr(a.Measure)
		}
		l.Seller = party(l.Seller)
		l.PrecedingInvoice = ptr(l.PrecedingInvoice)
		l.Delivery = delivery(l.Delivery)
	}
	return &c
}

// party copies a party with its identifiers and address.
func party(p *einvoice.Party) *einvoice.Party {
	if p = ptr(p); p != nil {
		p.Identifiers = slices.Clone(p.Identifiers)
		p.Address = ptr(p.Address)
	}
	return p
}

// delivery copies a delivery with its address.
func delivery(d *einvoice.Delivery) *einvoice.Delivery {
	if d = ptr(d); d != nil {
		d.Address = ptr(d.Address)
	}
	return d
}

// ptr returns a pointer to a copy of *p, or nil.
func ptr[T any](p *T) *T {
	if p == nil {
		return nil
	}
	c := *p
	return &c
}
