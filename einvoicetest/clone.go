package einvoicetest

import (
	"slices"

	"github.com/einvoice-go/einvoice"
)

// clone returns a copy of inv that shares nothing Break may change with
// it: the slices and the groups behind pointers are copied. Figures behind
// pointers (*decimal.Decimal) and attached documents' bytes are shared:
// Break replaces such a pointer, never writes through it.
func clone(inv *einvoice.Invoice) einvoice.Invoice {
	c := *inv
	c.Notes = slices.Clone(inv.Notes)
	c.PrecedingInvoices = slices.Clone(inv.PrecedingInvoices)
	c.Seller.Identifiers = slices.Clone(inv.Seller.Identifiers)
	c.Seller.Contact = clonePtr(inv.Seller.Contact)
	c.Buyer.Identifiers = slices.Clone(inv.Buyer.Identifiers)
	c.Buyer.Contact = clonePtr(inv.Buyer.Contact)
	c.Payee = clonePtr(inv.Payee)
	c.TaxRepresentative = clonePtr(inv.TaxRepresentative)
	if d := clonePtr(inv.Delivery); d != nil {
		d.Address = clonePtr(d.Address)
		c.Delivery = d
	}
	c.InvoicingPeriod = clonePtr(inv.InvoicingPeriod)
	if p := clonePtr(inv.Payment); p != nil {
		p.CreditTransfers = slices.Clone(p.CreditTransfers)
		p.Card = clonePtr(p.Card)
		p.DirectDebit = clonePtr(p.DirectDebit)
		c.Payment = p
	}
	c.Allowances = slices.Clone(inv.Allowances)
	c.Charges = slices.Clone(inv.Charges)
	c.VATBreakdown = slices.Clone(inv.VATBreakdown)
	c.Attachments = slices.Clone(inv.Attachments)
	c.Lines = slices.Clone(inv.Lines)
	for i := range c.Lines {
		l := &c.Lines[i]
		l.Allowances = slices.Clone(l.Allowances)
		l.Charges = slices.Clone(l.Charges)
		l.Period = clonePtr(l.Period)
		l.Item.Classifications = slices.Clone(l.Item.Classifications)
		l.Item.Attributes = slices.Clone(l.Item.Attributes)
	}
	return c
}

// clonePtr returns a pointer to a copy of *p, or nil.
func clonePtr[T any](p *T) *T {
	if p == nil {
		return nil
	}
	c := *p
	return &c
}
