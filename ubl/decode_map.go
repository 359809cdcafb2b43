package ubl

import (
	"fmt"
	"strings"

	"github.com/einvoice-go/einvoice"
	"github.com/einvoice-go/einvoice/internal/xmlscan"
	"github.com/shopspring/decimal"
)

// The mapping from UBL to the model, as a tree of decNode: one node per
// element the model carries, under its parent, in schema order. An element
// that is not in the tree under its parent is not carried: Decode skips it
// and reports it.
//
// A group node may open a context (what its leaves fill in) and finish it
// when it closes; a leaf node receives its text and attributes. Groups whose
// meaning depends on a child that may come last (an allowance or a charge by
// its ChargeIndicator, an additional document by its DocumentTypeCode, a
// party tax scheme by its TaxScheme) gather their content in a buffer of
// decBuilders and decide when they close, so the order of elements does not
// matter. Optional groups of the model are created by the first leaf that
// has content for them.

func decCAC(local, terms string, kids ...*decNode) *decNode {
	return xmlscan.NewNode[*decState](decNSCAC, "cac:"+local, terms).Add(kids...)
}

func decLeaf(local, terms string, fn decLeafFunc) *decNode {
	return xmlscan.NewNode[*decState](decNSCBC, "cbc:"+local, terms).Leaf(fn)
}

// Leaves by kind of value.

// decText is a text leaf, kept exactly as written (identifiers too).
func decText(local, terms string, set func(d *decState, ctx any, s string)) *decNode {
	return decLeaf(local, terms, func(d *decState, ctx any, text []byte, _ *decFrame) error {
		set(d, ctx, string(text))
		return nil
	})
}

// decCode is a code leaf, trimmed of white space.
func decCode(local, terms string, set func(d *decState, ctx any, s string)) *decNode {
	return decLeaf(local, terms, func(d *decState, ctx any, text []byte, _ *decFrame) error {
		set(d, ctx, xmlscan.Trim(text))
		return nil
	})
}

// decNumber is a percentage leaf, without a currency.
func decNumber(local, terms string, set func(d *decState, ctx any, v decimal.Decimal)) *decNode {
	return decLeaf(local, terms, func(d *decState, ctx any, text []byte, _ *decFrame) error {
		v, err := d.Number(text, "percentage")
		if err != nil {
			return err
		}
		set(d, ctx, v)
		return nil
	})
}

// decAmount is an amount or price leaf with its currencyID, which must be
// the invoice currency (BT-5).
func decAmount(local, terms, kind string, set func(d *decState, ctx any, v decimal.Decimal)) *decNode {
	return decLeaf(local, terms, func(d *decState, ctx any, text []byte, f *decFrame) error {
		v, err := d.Number(text, kind)
		if err != nil {
			return err
		}
		if err := d.checkCurrency(strings.Trim(f.Attr[0], xmlscan.Space)); err != nil {
			return err
		}
		set(d, ctx, v)
		return nil
	}).WithAttrs("currencyID")
}

// decQuantity is a quantity leaf with its unitCode.
func decQuantity(local, terms string, set func(d *decState, ctx any, v decimal.Decimal, unit string)) *decNode {
	return decLeaf(local, terms, func(d *decState, ctx any, text []byte, f *decFrame) error {
		v, err := d.Number(text, "quantity")
		if err != nil {
			return err
		}
		set(d, ctx, v, strings.Trim(f.Attr[0], xmlscan.Space))
		return nil
	}).WithAttrs("unitCode")
}

// decDate is a date leaf, YYYY-MM-DD.
func decDate(local, terms string, set func(d *decState, ctx any, v einvoice.Date)) *decNode {
	return decLeaf(local, terms, func(d *decState, ctx any, text []byte, _ *decFrame) error {
		v, ok := xmlscan.ParseISODate(xmlscan.TrimBytes(text))
		if !ok {
			return d.Fail("bad date %q: want an existing date as YYYY-MM-DD", xmlscan.Show(text))
		}
		set(d, ctx, v)
		return nil
	})
}

// decIDLeaf is an identifier with its schemeID.
func decIDLeaf(local, terms string, set func(d *decState, ctx any, value, scheme string) error) *decNode {
	return decLeaf(local, terms, func(d *decState, ctx any, text []byte, f *decFrame) error {
		return set(d, ctx, string(text), strings.Trim(f.Attr[0], xmlscan.Space))
	}).WithAttrs("schemeID")
}

// decIndicator is a cbc:ChargeIndicator.
func decIndicator(terms string, get func(d *decState) *decInd) *decNode {
	return decLeaf("ChargeIndicator", terms, func(d *decState, _ any, text []byte, _ *decFrame) error {
		in := get(d)
		switch xmlscan.Trim(text) {
		case "true", "1":
			in.has, in.val = true, true
		case "false", "0":
			in.has, in.val = true, false
		default:
			return d.Fail("bad indicator %q: want true or false", xmlscan.Show(text))
		}
		return nil
	})
}

// decRef is a reference group of which the model holds the cbc:ID only.
func decRef(local, terms string, set func(d *decState, s string)) *decNode {
	return decCAC(local, terms, decText("ID", terms, func(d *decState, _ any, s string) { set(d, s) }))
}

// decTaxScheme is the cac:TaxScheme of a tax category: VAT, the only tax
// of the model, is syntax; another is reported.
func decTaxScheme() *decNode {
	return decCAC("TaxScheme", "",
		decLeaf("ID", "", func(d *decState, _ any, text []byte, _ *decFrame) error {
			if c := xmlscan.TrimBytes(text); len(c) != 0 && !strings.EqualFold(string(c), "VAT") {
				return d.IgnoreTop(fmt.Sprintf("tax scheme %q: the model holds VAT only", c))
			}
			return nil
		}))
}

// decAddress is a cac:PostalAddress or cac:Address; terms lists the group,
// then lines one, two and three, the city, the post code, the subdivision
// and the country. get returns the address, creating its group: it is
// called for content only.
func decAddress(local, terms string, get func(d *decState) *einvoice.Address) *decNode {
	t := strings.Fields(terms)
	set := func(f func(a *einvoice.Address, s string)) func(d *decState, _ any, s string) {
		return func(d *decState, _ any, s string) {
			if s != "" {
				f(get(d), s)
			}
		}
	}
	return decCAC(local, t[0],
		decText("StreetName", t[1], set(func(a *einvoice.Address, s string) { a.Line1 = s })),
		decText("AdditionalStreetName", t[2], set(func(a *einvoice.Address, s string) { a.Line2 = s })),
		decText("CityName", t[4], set(func(a *einvoice.Address, s string) { a.City = s })),
		decText("PostalZone", t[5], set(func(a *einvoice.Address, s string) { a.PostCode = s })),
		decText("CountrySubentity", t[6], set(func(a *einvoice.Address, s string) { a.Subdivision = s })),
		decCAC("AddressLine", t[3],
			decText("Line", t[3], set(func(a *einvoice.Address, s string) { a.Line3 = s }))),
		decCAC("Country", t[7],
			decCode("IdentificationCode", t[7], set(func(a *einvoice.Address, s string) { a.Country = einvoice.CountryCode(s) }))),
	)
}

// decContact is a cac:Contact: terms lists the group, the contact point,
// the telephone and the email.
func decContact(terms string, get func(d *decState) **einvoice.Contact) *decNode {
	t := strings.Fields(terms)
	c := func(d *decState) *einvoice.Contact {
		p := get(d)
		if *p == nil {
			*p = new(einvoice.Contact)
		}
		return *p
	}
	return decCAC("Contact", t[0],
		decText("Name", t[1], func(d *decState, _ any, s string) {
			if s != "" {
				c(d).Name = s
			}
		}),
		decText("Telephone", t[2], func(d *decState, _ any, s string) {
			if s != "" {
				c(d).Phone = s
			}
		}),
		decText("ElectronicMail", t[3], func(d *decState, _ any, s string) {
			if s != "" {
				c(d).Email = s
			}
		}),
	)
}

// decEndpoint is the cbc:EndpointID of a party.
func decEndpoint(terms string, get func(d *decState) *einvoice.ElectronicAddress) *decNode {
	return decIDLeaf("EndpointID", terms, func(d *decState, _ any, value, scheme string) error {
		*get(d) = einvoice.ElectronicAddress{Value: value, Scheme: einvoice.EASCode(scheme)}
		return nil
	})
}

// decPartyID is a cac:PartyIdentification. An identifier of the scheme
// SEPA is the bank assigned creditor identifier (BT-90), where sepa is
// set; another is given to set.
func decPartyID(terms string, sepa bool, set func(d *decState, id einvoice.ID) error) *decNode {
	t := terms
	if sepa {
		t += " BT-90"
	}
	return decCAC("PartyIdentification", t,
		decIDLeaf("ID", t, func(d *decState, _ any, value, scheme string) error {
			if sepa && strings.EqualFold(scheme, "SEPA") {
				return d.creditorID(value)
			}
			if value == "" && scheme == "" {
				return nil
			}
			return set(d, einvoice.ID{Value: value, Scheme: einvoice.ICDCode(scheme)})
		}),
	).Rep()
}

// decOneID sets an identifier the model holds once (BT-60): a second
// one is reported.
func decOneID(get func(d *decState) *einvoice.ID) func(d *decState, id einvoice.ID) error {
	return func(d *decState, id einvoice.ID) error {
		p := get(d)
		if !p.IsZero() {
			return d.IgnoreTop("a second identifier: the model holds one")
		}
		*p = id
		return nil
	}
}

// creditorID sets the bank assigned creditor identifier (BT-90), which the
// seller or the payee carries as a party identifier of scheme SEPA.
func (d *decState) creditorID(s string) error {
	if s == "" {
		return nil
	}
	dd := d.directDebit()
	switch dd.CreditorID {
	case "", s:
		dd.CreditorID = s
		return nil
	}
	return d.IgnoreTop("a second bank assigned creditor identifier: the model holds one")
}

// decPartyTaxScheme is a cac:PartyTaxScheme: its cbc:CompanyID is the VAT
// identifier when the cac:TaxScheme is VAT, another tax registration
// otherwise; vat and other set them, other is nil for a party that has
// none.
func decPartyTaxScheme(terms string, vat, other func(d *decState) *string) *decNode {
	pt := func(d *decState) *decPartyTax { return &d.b.ptax }
	return decCAC("PartyTaxScheme", terms,
		decText("CompanyID", terms, func(d *decState, _ any, s string) { pt(d).id, pt(d).hasID = s, true }),
		decCAC("TaxScheme", "",
			decCode("ID", "", func(d *decState, _ any, s string) { pt(d).scheme = s })),
	).Rep().Opens(func(d *decState, ctx any) any {
		d.b.ptax = decPartyTax{}
		return ctx
	}).Closes(func(d *decState, _ any) error {
		b := pt(d)
		if !b.hasID || b.id == "" {
			return nil
		}
		var p *string
		switch {
		case strings.EqualFold(b.scheme, "VAT"):
			p = vat(d)
		case other != nil:
			p = other(d)
		default:
			return d.IgnoreTop(fmt.Sprintf("a tax registration of scheme %q: the model holds the VAT identifier only", b.scheme))
		}
		if *p != "" {
			return d.IgnoreTop("a second tax registration of the same kind: the model holds one")
		}
		*p = b.id
		return nil
	})
}

// decPeriod is a cac:InvoicePeriod; terms lists the group, the start and
// the end date. get returns the period, creating it. code, when not nil,
// reads the cbc:DescriptionCode.
func decPeriod(terms string, get func(d *decState, ctx any) *einvoice.Period, code *decNode) *decNode {
	t := strings.Fields(terms)
	kids := []*decNode{
		decDate("StartDate", t[1], func(d *decState, ctx any, v einvoice.Date) { get(d, ctx).Start = v }),
		decDate("EndDate", t[2], func(d *decState, ctx any, v einvoice.Date) { get(d, ctx).End = v }),
	}
	if code != nil {
		kids = append(kids, code)
	}
	return decCAC("InvoicePeriod", t[0], kids...)
}

func decPtr(v decimal.Decimal) *decimal.Decimal { return &v }

// decTree returns the mapping of the Invoice, or of the CreditNote.
func decTree(credit bool) *decNode {
	root, ns, typeCode, line := "Invoice", decNSInvoice, "InvoiceTypeCode", "InvoiceLine"
	if credit {
		root, ns, typeCode, line = "CreditNote", decNSCreditNote, "CreditNoteTypeCode", "CreditNoteLine"
	}
	inv := func(d *decState) *einvoice.Invoice { return d.inv }
	kids := []*decNode{
		decLeaf("UBLVersionID", "", func(d *decState, _ any, text []byte, _ *decFrame) error {
			if v := xmlscan.Trim(text); v != "2.1" {
				return d.IgnoreTop(fmt.Sprintf("UBL version %q: the decoder reads UBL 2.1", v))
			}
			return nil
		}),
		decText("CustomizationID", "BT-24", func(d *decState, _ any, s string) { d.inv.Process.Specification = s }),
		decText("ProfileID", "BT-23", func(d *decState, _ any, s string) { d.inv.Process.BusinessProcess = s }),
		decText("ID", "BT-1", func(d *decState, _ any, s string) { d.inv.Number = s }),
		decDate("IssueDate", "BT-2", func(d *decState, _ any, v einvoice.Date) { d.inv.IssueDate = v }),
		decCode(typeCode, "BT-3", func(d *decState, _ any, s string) { d.inv.TypeCode = einvoice.DocumentTypeCode(s) }),
		decText("Note", "BG-1", func(d *decState, _ any, s string) { d.inv.Notes = append(d.inv.Notes, decNote(s)) }).Rep(),
		decDate("TaxPointDate", "BT-7", func(d *decState, _ any, v einvoice.Date) { d.inv.TaxPointDate = v }),
		decCode("DocumentCurrencyCode", "BT-5", func(d *decState, _ any, s string) { d.inv.Currency = einvoice.CurrencyCode(s) }),
		decCode("TaxCurrencyCode", "BT-6", func(d *decState, _ any, s string) { d.inv.TaxCurrency = einvoice.CurrencyCode(s) }),
		decText("AccountingCost", "BT-19", func(d *decState, _ any, s string) { d.inv.BuyerAccountingReference = s }),
		decText("BuyerReference", "BT-10", func(d *decState, _ any, s string) { d.inv.BuyerReference = s }),
		decPeriod("BG-14 BT-73 BT-74", func(d *decState, _ any) *einvoice.Period {
			if d.inv.InvoicingPeriod == nil {
				d.inv.InvoicingPeriod = new(einvoice.Period)
			}
			return d.inv.InvoicingPeriod
		}, decCode("DescriptionCode", "BT-8", func(d *decState, _ any, s string) {
			d.inv.TaxPointDateCode = einvoice.TaxPointDateCode(s)
		})),
		decCAC("OrderReference", "BT-13 BT-14",
			decText("ID", "BT-13", func(d *decState, _ any, s string) { d.b.order.id = s }),
			decText("SalesOrderID", "BT-14", func(d *decState, _ any, s string) { d.b.order.sales = s }),
		).Opens(func(d *decState, ctx any) any {
			d.b.order = decOrder{}
			return ctx
		}).Closes(func(d *decState, _ any) error {
			// cbc:ID is mandatory: a sales order reference without a
			// purchase order reference has the filler NA, which our encoder
			// writes.
			o := &d.b.order
			if o.sales == "" || xmlscan.Trim([]byte(o.id)) != notApplicable {
				d.inv.PurchaseOrderReference = o.id
			}
			d.inv.SalesOrderReference = o.sales
			return nil
		}),
		decCAC("BillingReference", "BG-3",
			decCAC("InvoiceDocumentReference", "BG-3",
				decText("ID", "BT-25", func(_ *decState, ctx any, s string) { ctx.(*einvoice.PrecedingInvoice).Number = s }),
				decDate("IssueDate", "BT-26", func(_ *decState, ctx any, v einvoice.Date) {
					ctx.(*einvoice.PrecedingInvoice).IssueDate = v
				}),
			).Opens(func(d *decState, _ any) any {
				d.inv.PrecedingInvoices = append(d.inv.PrecedingInvoices, einvoice.PrecedingInvoice{})
				return &d.inv.PrecedingInvoices[len(d.inv.PrecedingInvoices)-1]
			}),
		).Rep(),
		decRef("DespatchDocumentReference", "BT-16", func(d *decState, s string) { d.inv.DespatchAdviceReference = s }),
		decRef("ReceiptDocumentReference", "BT-15", func(d *decState, s string) { d.inv.ReceivingAdviceReference = s }),
		decRef("OriginatorDocumentReference", "BT-17", func(d *decState, s string) { d.inv.TenderOrLotReference = s }),
		decRef("ContractDocumentReference", "BT-12", func(d *decState, s string) { d.inv.ContractReference = s }),
		decAdditionalDocument(credit),
		decSellerNode(),
		decBuyerNode(),
		decPayeeNode(),
		decTaxRepresentativeNode(),
		decDeliveryNode(),
		decPaymentMeansNode(credit),
		decCAC("PaymentTerms", "BT-20",
			decText("Note", "BT-20", func(d *decState, _ any, s string) { d.inv.PaymentTerms = s })),
		decAllowanceCharge(true),
		decTaxTotalNode(),
		decTotalsNode(),
		decLineNode(credit, line),
	}
	if !credit {
		// UBL 2.1 has neither in a CreditNote: BT-9 is then the payment
		// means' cbc:PaymentDueDate, BT-11 an additional document of type 50.
		kids = append(kids,
			decDate("DueDate", "BT-9", func(d *decState, _ any, v einvoice.Date) { d.inv.DueDate = v }),
			decRef("ProjectReference", "BT-11", func(d *decState, s string) { inv(d).ProjectReference = s }),
		)
	}
	n := xmlscan.NewNode[*decState](ns, root, "")
	return n.Add(kids...).Opens(func(d *decState, ctx any) any {
		d.creditNote = credit
		d.reserveLines(line)
		return ctx
	}).Closes(func(d *decState, _ any) error { return d.finish() })
}

// decNote reads an invoice note (BG-1): the UBL binding writes the subject
// code (BT-21) before the text as #CODE#, CODE a UNTDID 4451 code (three
// letters) as the French CIUS and XRechnung have it. A note that does not
// start so is text only.
func decNote(s string) einvoice.Note {
	if len(s) >= 3 && s[0] == '#' {
		if j := strings.IndexByte(s[1:], '#'); j >= 1 && j <= 3 {
			code := s[1 : 1+j]
			ok := true
			for i := 0; i < len(code); i++ {
				c := code[i]
				if !('A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9') {
					ok = false
					break
				}
			}
			if ok {
				return einvoice.Note{SubjectCode: einvoice.SubjectCode(code), Text: s[2+j:]}
			}
		}
	}
	return einvoice.Note{Text: s}
}

// decAdditionalDocument is a cac:AdditionalDocumentReference, decided by
// its cbc:DocumentTypeCode when it closes: 130 is the invoiced object
// identifier (BT-18), 50 in a credit note the project reference (BT-11),
// anything else a supporting document (BG-24), as the EN 16931 schematron
// has it (BR-52).
func decAdditionalDocument(credit bool) *decNode {
	a := func(d *decState) *decADR { return &d.b.adr }
	return decCAC("AdditionalDocumentReference", "BG-24 BT-18",
		decIDLeaf("ID", "BT-122 BT-18", func(d *decState, _ any, value, scheme string) error {
			a(d).id, a(d).scheme = value, scheme
			return nil
		}),
		decLeaf("DocumentTypeCode", "", func(d *decState, _ any, text []byte, _ *decFrame) error {
			a(d).typeCode, a(d).typeLoc = xmlscan.Trim(text), d.CaptureTop()
			return nil
		}),
		decLeaf("DocumentDescription", "BT-123", func(d *decState, _ any, text []byte, _ *decFrame) error {
			a(d).desc, a(d).descLoc = string(text), d.CaptureTop()
			return nil
		}),
		decCAC("Attachment", "BT-124 BT-125",
			decLeaf("EmbeddedDocumentBinaryObject", "BT-125", func(d *decState, _ any, text []byte, f *decFrame) error {
				b := a(d)
				b.binLoc = d.CaptureTop()
				b.bin = append(b.bin[:0], text...)
				b.mime, b.filename = strings.Trim(f.Attr[0], xmlscan.Space), f.Attr[1]
				return nil
			}).WithAttrs("mimeCode", "filename"),
			decCAC("ExternalReference", "BT-124",
				decText("URI", "BT-124", func(d *decState, _ any, s string) { a(d).uri = s })),
		).Opens(func(d *decState, ctx any) any {
			a(d).attLoc = d.CaptureTop()
			return ctx
		}),
	).Rep().Opens(func(d *decState, ctx any) any {
		bin := d.b.adr.bin[:0]
		d.b.adr = decADR{mark: d.IgnoredMark(), bin: bin}
		return ctx
	}).Closes(func(d *decState, _ any) error { return d.additionalDocument(credit) })
}

// additionalDocument finishes a cac:AdditionalDocumentReference.
func (d *decState) additionalDocument(credit bool) error {
	a := &d.b.adr
	// extra reports the elements a reference does not carry.
	extra := func(kind string) error {
		if a.descLoc != nil {
			if err := d.IgnoreAt(a.descLoc, []string{"BT-123"}, "a description is not carried for "+kind); err != nil {
				return err
			}
		}
		if a.attLoc != nil {
			return d.IgnoreAt(a.attLoc, []string{"BT-124", "BT-125"}, "an attachment is not carried for "+kind)
		}
		return nil
	}
	switch {
	case a.typeCode == "130":
		if !d.inv.InvoicedObject.IsZero() {
			d.DropIgnored(a.mark)
			return d.IgnoreTop("a second invoiced object identifier: the model holds one")
		}
		d.inv.InvoicedObject = einvoice.ObjectID{Value: a.id, Scheme: einvoice.ReferenceCode(a.scheme)}
		return extra("an invoiced object identifier (130)")
	case a.typeCode == "50" && credit:
		if d.inv.ProjectReference != "" {
			d.DropIgnored(a.mark)
			return d.IgnoreTop("a second project reference: the model holds one")
		}
		d.inv.ProjectReference = a.id
		return extra("a project reference (50)")
	}
	at := einvoice.Attachment{ID: a.id, Description: a.desc, ExternalLocation: a.uri,
		MIMECode: einvoice.MIMECode(a.mime), Filename: a.filename}
	if a.binLoc != nil {
		content, err := xmlscan.Base64(a.bin)
		if err != nil {
			return d.FailAt(a.binLoc, []string{"BT-125"}, "bad base64 content: "+err.Error())
		}
		if content == nil {
			content = []byte{}
		}
		at.Content = content
	}
	d.inv.Attachments = append(d.inv.Attachments, at)
	if a.typeCode != "" && a.typeCode != "916" {
		return d.IgnoreAt(a.typeLoc, nil, fmt.Sprintf("document type code %q: the model's supporting documents (BG-24) have no type", a.typeCode))
	}
	return nil
}

func decSellerNode() *decNode {
	s := func(d *decState) *einvoice.Seller { return &d.inv.Seller }
	return decCAC("AccountingSupplierParty", "BG-4",
		decCAC("Party", "BG-4",
			decEndpoint("BT-34", func(d *decState) *einvoice.ElectronicAddress { return &s(d).ElectronicAddress }),
			decPartyID("BT-29", true, func(d *decState, id einvoice.ID) error {
				s(d).Identifiers = append(s(d).Identifiers, id)
				return nil
			}),
			decCAC("PartyName", "BT-28",
				decText("Name", "BT-28", func(d *decState, _ any, v string) { s(d).TradingName = v })),
			decAddress("PostalAddress", "BG-5 BT-35 BT-36 BT-162 BT-37 BT-38 BT-39 BT-40", func(d *decState) *einvoice.Address {
				return &s(d).Address
			}),
			decPartyTaxScheme("BT-31 BT-32",
				func(d *decState) *string { return &s(d).VATID },
				func(d *decState) *string { return &s(d).TaxRegistration }),
			decCAC("PartyLegalEntity", "",
				decText("RegistrationName", "BT-27", func(d *decState, _ any, v string) { s(d).Name = v }),
				decIDLeaf("CompanyID", "BT-30", func(d *decState, _ any, value, scheme string) error {
					s(d).LegalRegistration = einvoice.ID{Value: value, Scheme: einvoice.ICDCode(scheme)}
					return nil
				}),
				decText("CompanyLegalForm", "BT-33", func(d *decState, _ any, v string) { s(d).AdditionalLegalInfo = v }),
			),
			decContact("BG-6 BT-41 BT-42 BT-43", func(d *decState) **einvoice.Contact { return &s(d).Contact }),
		),
	)
}

func decBuyerNode() *decNode {
	b := func(d *decState) *einvoice.Buyer { return &d.inv.Buyer }
	return decCAC("AccountingCustomerParty", "BG-7",
		decCAC("Party", "BG-7",
			decEndpoint("BT-49", func(d *decState) *einvoice.ElectronicAddress { return &b(d).ElectronicAddress }),
			decPartyID("BT-46", false, func(d *decState, id einvoice.ID) error {
				b(d).Identifiers = append(b(d).Identifiers, id)
				return nil
			}),
			decCAC("PartyName", "BT-45",
				decText("Name", "BT-45", func(d *decState, _ any, v string) { b(d).TradingName = v })),
			decAddress("PostalAddress", "BG-8 BT-50 BT-51 BT-163 BT-52 BT-53 BT-54 BT-55", func(d *decState) *einvoice.Address {
				return &b(d).Address
			}),
			decPartyTaxScheme("BT-48", func(d *decState) *string { return &b(d).VATID }, nil),
			decCAC("PartyLegalEntity", "",
				decText("RegistrationName", "BT-44", func(d *decState, _ any, v string) { b(d).Name = v }),
				decIDLeaf("CompanyID", "BT-47", func(d *decState, _ any, value, scheme string) error {
					b(d).LegalRegistration = einvoice.ID{Value: value, Scheme: einvoice.ICDCode(scheme)}
					return nil
				}),
			),
			decContact("BG-9 BT-56 BT-57 BT-58", func(d *decState) **einvoice.Contact { return &b(d).Contact }),
		),
	)
}

// payee returns the payee group, creating it.
func (d *decState) payee() *einvoice.Payee {
	if d.inv.Payee == nil {
		d.inv.Payee = new(einvoice.Payee)
	}
	return d.inv.Payee
}

func decPayeeNode() *decNode {
	return decCAC("PayeeParty", "BG-10",
		decPartyID("BT-60", true, decOneID(func(d *decState) *einvoice.ID { return &d.payee().Identifier })),
		decCAC("PartyName", "BT-59",
			decText("Name", "BT-59", func(d *decState, _ any, v string) {
				if v != "" {
					d.payee().Name = v
				}
			})),
		decCAC("PartyLegalEntity", "BT-61",
			decIDLeaf("CompanyID", "BT-61", func(d *decState, _ any, value, scheme string) error {
				if value != "" || scheme != "" {
					d.payee().LegalRegistration = einvoice.ID{Value: value, Scheme: einvoice.ICDCode(scheme)}
				}
				return nil
			})),
	)
}

// taxRepresentative returns the tax representative group, creating it.
func (d *decState) taxRepresentative() *einvoice.TaxRepresentative {
	if d.inv.TaxRepresentative == nil {
		d.inv.TaxRepresentative = new(einvoice.TaxRepresentative)
	}
	return d.inv.TaxRepresentative
}

func decTaxRepresentativeNode() *decNode {
	return decCAC("TaxRepresentativeParty", "BG-11",
		decCAC("PartyName", "BT-62",
			decText("Name", "BT-62", func(d *decState, _ any, v string) {
				if v != "" {
					d.taxRepresentative().Name = v
				}
			})),
		decAddress("PostalAddress", "BG-12 BT-64 BT-65 BT-164 BT-66 BT-67 BT-68 BT-69", func(d *decState) *einvoice.Address {
			return &d.taxRepresentative().Address
		}),
		decPartyTaxScheme("BT-63", func(d *decState) *string { return &d.taxRepresentative().VATID }, nil),
	)
}

// delivery returns the delivery group, creating it.
func (d *decState) delivery() *einvoice.Delivery {
	if d.inv.Delivery == nil {
		d.inv.Delivery = new(einvoice.Delivery)
	}
	return d.inv.Delivery
}

func decDeliveryNode() *decNode {
	return decCAC("Delivery", "BG-13",
		decDate("ActualDeliveryDate", "BT-72", func(d *decState, _ any, v einvoice.Date) { d.delivery().Date = v }),
		decCAC("DeliveryLocation", "BT-71 BG-15",
			decIDLeaf("ID", "BT-71", func(d *decState, _ any, value, scheme string) error {
				if value != "" || scheme != "" {
					d.delivery().LocationID = einvoice.ID{Value: value, Scheme: einvoice.ICDCode(scheme)}
				}
				return nil
			}),
			decAddress("Address", "BG-15 BT-75 BT-76 BT-165 BT-77 BT-78 BT-79 BT-80", func(d *decState) *einvoice.Address {
				dl := d.delivery()
				if dl.Address == nil {
					dl.Address = new(einvoice.Address)
				}
				return dl.Address
			}),
		),
		decCAC("DeliveryParty", "BT-70",
			decCAC("PartyName", "BT-70",
				decText("Name", "BT-70", func(d *decState, _ any, v string) {
					if v != "" {
						d.delivery().PartyName = v
					}
				}))),
	)
}

func (d *decState) payment() *einvoice.PaymentInstructions {
	if d.inv.Payment == nil {
		d.inv.Payment = new(einvoice.PaymentInstructions)
	}
	return d.inv.Payment
}

func (d *decState) directDebit() *einvoice.DirectDebit {
	p := d.payment()
	if p.DirectDebit == nil {
		p.DirectDebit = new(einvoice.DirectDebit)
	}
	return p.DirectDebit
}

// decPaymentMeansNode is a cac:PaymentMeans. The model has one PAYMENT
// INSTRUCTIONS group: the first means gives its code and text, and the
// accounts of the others with the same code are more credit transfers.
func decPaymentMeansNode(credit bool) *decNode {
	pm := func(d *decState) *decPM {
		d.b.pm.content = true
		return &d.b.pm
	}
	return decCAC("PaymentMeans", "BG-16",
		decLeaf("PaymentMeansCode", "BT-81 BT-82", func(d *decState, _ any, text []byte, f *decFrame) error {
			m := pm(d)
			m.code = xmlscan.Trim(text)
			if f.Attr[0] != "" {
				m.name, m.nameLoc = f.Attr[0], d.CaptureTop()
			}
			return nil
		}).WithAttrs("name"),
		decDate("PaymentDueDate", "BT-9", func(d *decState, _ any, v einvoice.Date) {
			d.b.dueDates = append(d.b.dueDates, decDue{v: v, loc: d.CaptureTop(), credit: credit})
		}),
		decLeaf("PaymentID", "BT-83", func(d *decState, _ any, text []byte, _ *decFrame) error {
			m := pm(d)
			m.payID, m.payIDLoc = string(text), d.CaptureTop()
			return nil
		}),
		decCAC("CardAccount", "BG-18",
			decText("PrimaryAccountNumberID", "BT-87", func(d *decState, _ any, s string) { pm(d).card.PrimaryAccountNumber = s }),
			decLeaf("NetworkID", "", func(d *decState, _ any, text []byte, _ *decFrame) error {
				// Mandatory in UBL, not an EN 16931 term: our encoder
				// writes this filler.
				if xmlscan.Trim(text) != notApplicable {
					return d.IgnoreTop("a card network identifier: not an EN 16931 term")
				}
				return nil
			}),
			decText("HolderName", "BT-88", func(d *decState, _ any, s string) { pm(d).card.HolderName = s }),
		).Opens(func(d *decState, ctx any) any {
			pm(d).cardLoc = d.CaptureTop()
			return ctx
		}),
		decCAC("PayeeFinancialAccount", "BG-17",
			decText("ID", "BT-84", func(d *decState, _ any, s string) { pm(d).account.AccountID = s }),
			decText("Name", "BT-85", func(d *decState, _ any, s string) { pm(d).account.AccountName = s }),
			decCAC("FinancialInstitutionBranch", "BT-86",
				decText("ID", "BT-86", func(d *decState, _ any, s string) { pm(d).account.ProviderID = s })),
		).Opens(func(d *decState, ctx any) any {
			pm(d).hasAccount = true
			return ctx
		}),
		decCAC("PaymentMandate", "BG-19",
			decText("ID", "BT-89", func(d *decState, _ any, s string) { pm(d).mandate = s }),
			decCAC("PayerFinancialAccount", "BT-91",
				decText("ID", "BT-91", func(d *decState, _ any, s string) { pm(d).debtor = s })),
		).Opens(func(d *decState, ctx any) any {
			pm(d).mandateLoc = d.CaptureTop()
			return ctx
		}),
	).Rep().Opens(func(d *decState, ctx any) any {
		d.b.pm = decPM{mark: d.IgnoredMark()}
		return ctx
	}).Closes(func(d *decState, _ any) error { return d.paymentMeans() })
}

// paymentMeans finishes a cac:PaymentMeans: the first one gives the
// payment means code and text; a later one with the same code adds its
// account; one with another code is reported.
func (d *decState) paymentMeans() error {
	m := &d.b.pm
	if !m.content {
		return nil
	}
	p := d.payment()
	if !d.b.pmSeen {
		d.b.pmSeen = true
		p.MeansCode = einvoice.PaymentMeansCode(m.code)
	} else if einvoice.PaymentMeansCode(m.code) != p.MeansCode {
		d.DropIgnored(m.mark)
		return d.IgnoreTop(fmt.Sprintf("payment means of type %q besides the first one's %q: the model holds one payment means code", m.code, p.MeansCode))
	}
	if m.nameLoc != nil {
		switch {
		case !d.b.pmNameSeen:
			d.b.pmNameSeen = true
			p.MeansText = m.name
		case m.name != p.MeansText:
			if err := d.IgnoreAt(m.nameLoc, []string{"BT-82"}, "a second payment means text: the model holds one"); err != nil {
				return err
			}
		}
	}
	if m.payIDLoc != nil {
		switch {
		case !d.b.pmIDSeen:
			d.b.pmIDSeen = true
			p.RemittanceInfo = m.payID
		case m.payID != p.RemittanceInfo:
			if err := d.IgnoreAt(m.payIDLoc, []string{"BT-83"}, "a second remittance information: the model holds one"); err != nil {
				return err
			}
		}
	}
	if m.cardLoc != nil {
		switch {
		case p.Card == nil:
			c := m.card
			p.Card = &c
		case *p.Card != m.card:
			if err := d.IgnoreAt(m.cardLoc, []string{"BG-18"}, "a second payment card: the model holds one"); err != nil {
				return err
			}
		}
	}
	if m.mandateLoc != nil && (m.mandate != "" || m.debtor != "") {
		dd := d.directDebit()
		if (dd.MandateID != "" && m.mandate != "" && dd.MandateID != m.mandate) ||
			(dd.DebitedAccountID != "" && m.debtor != "" && dd.DebitedAccountID != m.debtor) {
			if err := d.IgnoreAt(m.mandateLoc, []string{"BG-19"}, "a second payment mandate: the model holds one"); err != nil {
				return err
			}
		} else {
			if m.mandate != "" {
				dd.MandateID = m.mandate
			}
			if m.debtor != "" {
				dd.DebitedAccountID = m.debtor
			}
		}
	}
	if m.hasAccount {
		p.CreditTransfers = append(p.CreditTransfers, m.account)
	}
	return nil
}

// decAllowanceCharge is a cac:AllowanceCharge of the document (BG-20,
// BG-21) or of a line (BG-27, BG-28).
func decAllowanceCharge(header bool) *decNode {
	terms := func(line, doc string) string {
		if header {
			return doc
		}
		return line
	}
	ac := func(d *decState) *decAC { return &d.b.ac }
	kids := []*decNode{
		decIndicator(terms("BG-27 BG-28", "BG-20 BG-21"), func(d *decState) *decInd { return &d.b.ac.ind }),
		decCode("AllowanceChargeReasonCode", terms("BT-140 BT-145", "BT-98 BT-105"), func(d *decState, _ any, s string) { ac(d).ReasonCode = s }),
		decText("AllowanceChargeReason", terms("BT-139 BT-144", "BT-97 BT-104"), func(d *decState, _ any, s string) { ac(d).Reason = s }),
		decNumber("MultiplierFactorNumeric", terms("BT-138 BT-143", "BT-94 BT-101"), func(d *decState, _ any, v decimal.Decimal) {
			ac(d).Percentage = decPtr(v)
		}),
		decAmount("Amount", terms("BT-136 BT-141", "BT-92 BT-99"), "amount", func(d *decState, _ any, v decimal.Decimal) { ac(d).Amount = v }),
		decAmount("BaseAmount", terms("BT-137 BT-142", "BT-93 BT-100"), "amount", func(d *decState, _ any, v decimal.Decimal) {
			ac(d).BaseAmount = decPtr(v)
		}),
	}
	if header {
		kids = append(kids, decCAC("TaxCategory", "BT-95 BT-102",
			decCode("ID", "BT-95 BT-102", func(d *decState, _ any, s string) { ac(d).VAT.Category = einvoice.VATCategory(s) }),
			decNumber("Percent", "BT-96 BT-103", func(d *decState, _ any, v decimal.Decimal) { ac(d).VAT.Rate = decPtr(v) }),
			decTaxScheme(),
		))
	}
	return decCAC("AllowanceCharge", terms("BG-27 BG-28", "BG-20 BG-21"), kids...).Rep().
		Opens(func(d *decState, ctx any) any {
			d.b.ac = decAC{}
			return ctx
		}).
		Closes(func(d *decState, ctx any) error {
			a := ac(d)
			if !a.ind.has {
				return d.Fail("an allowance or charge without cbc:ChargeIndicator")
			}
			var line *einvoice.Line
			if !header {
				line = ctx.(*einvoice.Line)
			}
			a.Charge = a.ind.val
			a.AddTo(d.inv, line)
			return nil
		})
}

// decTaxTotalNode is a cac:TaxTotal: the one with the VAT breakdown (or in
// the invoice currency) holds the VAT total (BT-110), the one in the VAT
// accounting currency the VAT total in accounting currency (BT-111); finish
// tells them apart once the currencies are known.
func decTaxTotalNode() *decNode {
	tt := func(d *decState) *decTaxTotal { return &d.b.tt }
	return decCAC("TaxTotal", "BT-110 BT-111 BG-23",
		decLeaf("TaxAmount", "BT-110 BT-111", func(d *decState, _ any, text []byte, f *decFrame) error {
			v, err := d.Number(text, "amount")
			if err != nil {
				return err
			}
			t := tt(d)
			t.v, t.has, t.currency, t.loc = v, true, strings.Trim(f.Attr[0], xmlscan.Space), d.CaptureTop()
			return nil
		}).WithAttrs("currencyID"),
		decCAC("TaxSubtotal", "BG-23",
			decAmount("TaxableAmount", "BT-116", "amount", func(_ *decState, ctx any, v decimal.Decimal) {
				ctx.(*einvoice.VATBreakdown).TaxableAmount = v
			}),
			decAmount("TaxAmount", "BT-117", "amount", func(_ *decState, ctx any, v decimal.Decimal) {
				ctx.(*einvoice.VATBreakdown).TaxAmount = v
			}),
			decCAC("TaxCategory", "BT-118",
				decCode("ID", "BT-118", func(_ *decState, ctx any, s string) {
					ctx.(*einvoice.VATBreakdown).Category = einvoice.VATCategory(s)
				}),
				decNumber("Percent", "BT-119", func(_ *decState, ctx any, v decimal.Decimal) {
					ctx.(*einvoice.VATBreakdown).Rate = decPtr(v)
				}),
				decCode("TaxExemptionReasonCode", "BT-121", func(_ *decState, ctx any, s string) {
					ctx.(*einvoice.VATBreakdown).ExemptionReasonCode = einvoice.VATEXCode(s)
				}),
				decText("TaxExemptionReason", "BT-120", func(_ *decState, ctx any, s string) {
					ctx.(*einvoice.VATBreakdown).ExemptionReason = s
				}),
				decTaxScheme(),
			),
		).Rep().Opens(func(d *decState, _ any) any {
			t := tt(d)
			t.subs = append(t.subs, einvoice.VATBreakdown{})
			return &t.subs[len(t.subs)-1]
		}),
	).Rep().Opens(func(d *decState, ctx any) any {
		subs := d.b.tt.subs[:0]
		d.b.tt = decTaxTotal{subs: subs, mark: d.IgnoredMark()}
		return ctx
	}).Closes(func(d *decState, _ any) error {
		t := tt(d)
		if len(t.subs) > 0 {
			if d.b.breakdown {
				d.DropIgnored(t.mark)
				return d.IgnoreTop("a second cac:TaxTotal with a VAT breakdown: the model holds one breakdown")
			}
			d.b.breakdown = true
			d.inv.VATBreakdown = append(d.inv.VATBreakdown, t.subs...)
		}
		if t.has {
			d.b.taxTotals = append(d.b.taxTotals, decTaxTotalAmount{v: t.v, currency: t.currency, loc: t.loc, breakdown: len(t.subs) > 0})
		}
		return nil
	})
}

func decTotalsNode() *decNode {
	tot := func(d *decState) *einvoice.Totals { return &d.inv.Totals }
	return decCAC("LegalMonetaryTotal", "BG-22",
		decAmount("LineExtensionAmount", "BT-106", "amount", func(d *decState, _ any, v decimal.Decimal) { tot(d).LineNet = v }),
		decAmount("TaxExclusiveAmount", "BT-109", "amount", func(d *decState, _ any, v decimal.Decimal) { tot(d).TaxExclusive = v }),
		decAmount("TaxInclusiveAmount", "BT-112", "amount", func(d *decState, _ any, v decimal.Decimal) { tot(d).TaxInclusive = v }),
		decAmount("AllowanceTotalAmount", "BT-107", "amount", func(d *decState, _ any, v decimal.Decimal) { tot(d).Allowances = decPtr(v) }),
		decAmount("ChargeTotalAmount", "BT-108", "amount", func(d *decState, _ any, v decimal.Decimal) { tot(d).Charges = decPtr(v) }),
		decAmount("PrepaidAmount", "BT-113", "amount", func(d *decState, _ any, v decimal.Decimal) { tot(d).Paid = decPtr(v) }),
		decAmount("PayableRoundingAmount", "BT-114", "amount", func(d *decState, _ any, v decimal.Decimal) { tot(d).Rounding = decPtr(v) }),
		decAmount("PayableAmount", "BT-115", "amount", func(d *decState, _ any, v decimal.Decimal) { tot(d).Due = v }),
	)
}

func decLineNode(credit bool, tag string) *decNode {
	ln := func(ctx any) *einvoice.Line { return ctx.(*einvoice.Line) }
	item := func(ctx any) *einvoice.Item { return &ctx.(*einvoice.Line).Item }
	qty := "InvoicedQuantity"
	if credit {
		qty = "CreditedQuantity"
	}
	ld := func(d *decState) *decLineDoc { return &d.b.lineDoc }
	pa := func(d *decState) *decPriceAC { return &d.b.priceAC }
	return decCAC(tag, "BG-25",
		decText("ID", "BT-126", func(_ *decState, ctx any, s string) { ln(ctx).ID = s }),
		decText("Note", "BT-127", func(_ *decState, ctx any, s string) { ln(ctx).Note = s }),
		decQuantity(qty, "BT-129 BT-130", func(_ *decState, ctx any, v decimal.Decimal, unit string) {
			ln(ctx).Quantity, ln(ctx).Unit = v, einvoice.UnitCode(unit)
		}),
		decAmount("LineExtensionAmount", "BT-131", "amount", func(_ *decState, ctx any, v decimal.Decimal) { ln(ctx).NetAmount = v }),
		decText("AccountingCost", "BT-133", func(_ *decState, ctx any, s string) { ln(ctx).BuyerAccountingReference = s }),
		decPeriod("BG-26 BT-134 BT-135", func(_ *decState, ctx any) *einvoice.Period {
			l := ln(ctx)
			if l.Period == nil {
				l.Period = new(einvoice.Period)
			}
			return l.Period
		}, nil),
		decCAC("OrderLineReference", "BT-132",
			decText("LineID", "BT-132", func(_ *decState, ctx any, s string) { ln(ctx).OrderLineReference = s })),
		decCAC("DocumentReference", "BT-128",
			decIDLeaf("ID", "BT-128", func(d *decState, _ any, value, scheme string) error {
				ld(d).id, ld(d).scheme = value, scheme
				return nil
			}),
			decCode("DocumentTypeCode", "", func(d *decState, _ any, s string) { ld(d).typeCode = s }),
		).Opens(func(d *decState, ctx any) any {
			d.b.lineDoc = decLineDoc{mark: d.IgnoredMark()}
			return ctx
		}).Closes(func(d *decState, ctx any) error {
			// The binding's line document reference is the line object
			// identifier, of type 130; the model has no other.
			a := ld(d)
			if a.typeCode != "" && a.typeCode != "130" {
				d.DropIgnored(a.mark)
				return d.IgnoreTop(fmt.Sprintf("a line document of type %q: the model holds an object identifier (130) only", a.typeCode))
			}
			ln(ctx).Object = einvoice.ObjectID{Value: a.id, Scheme: einvoice.ReferenceCode(a.scheme)}
			return nil
		}),
		decAllowanceCharge(false),
		decCAC("Item", "BG-31",
			decText("Description", "BT-154", func(_ *decState, ctx any, s string) { item(ctx).Description = s }),
			decText("Name", "BT-153", func(_ *decState, ctx any, s string) { item(ctx).Name = s }),
			decCAC("BuyersItemIdentification", "BT-156",
				decText("ID", "BT-156", func(_ *decState, ctx any, s string) { item(ctx).BuyerID = s })),
			decCAC("SellersItemIdentification", "BT-155",
				decText("ID", "BT-155", func(_ *decState, ctx any, s string) { item(ctx).SellerID = s })),
			decCAC("StandardItemIdentification", "BT-157",
				decIDLeaf("ID", "BT-157", func(_ *decState, ctx any, value, scheme string) error {
					item(ctx).StandardID = einvoice.ID{Value: value, Scheme: einvoice.ICDCode(scheme)}
					return nil
				})),
			decCAC("OriginCountry", "BT-159",
				decCode("IdentificationCode", "BT-159", func(_ *decState, ctx any, s string) {
					item(ctx).OriginCountry = einvoice.CountryCode(s)
				})),
			decCAC("CommodityClassification", "BT-158",
				decLeaf("ItemClassificationCode", "BT-158", func(_ *decState, ctx any, text []byte, f *decFrame) error {
					it := item(ctx)
					it.Classifications = append(it.Classifications, einvoice.Classification{
						Value:         string(text),
						Scheme:        einvoice.ClassificationScheme(strings.Trim(f.Attr[0], xmlscan.Space)),
						SchemeVersion: f.Attr[1],
					})
					return nil
				}).WithAttrs("listID", "listVersionID"),
			).Rep(),
			decCAC("ClassifiedTaxCategory", "BG-30",
				decCode("ID", "BT-151", func(_ *decState, ctx any, s string) { ln(ctx).VAT.Category = einvoice.VATCategory(s) }),
				decNumber("Percent", "BT-152", func(_ *decState, ctx any, v decimal.Decimal) { ln(ctx).VAT.Rate = decPtr(v) }),
				decTaxScheme(),
			),
			decCAC("AdditionalItemProperty", "BG-32",
				decText("Name", "BT-160", func(_ *decState, ctx any, s string) { ctx.(*einvoice.ItemAttribute).Name = s }),
				decText("Value", "BT-161", func(_ *decState, ctx any, s string) { ctx.(*einvoice.ItemAttribute).Value = s }),
			).Rep().Opens(func(_ *decState, ctx any) any {
				it := item(ctx)
				it.Attributes = append(it.Attributes, einvoice.ItemAttribute{})
				return &it.Attributes[len(it.Attributes)-1]
			}),
		),
		decCAC("Price", "BG-29",
			decAmount("PriceAmount", "BT-146", "price", func(_ *decState, ctx any, v decimal.Decimal) { ln(ctx).Price.Net = v }),
			decQuantity("BaseQuantity", "BT-149 BT-150", func(_ *decState, ctx any, v decimal.Decimal, unit string) {
				p := &ln(ctx).Price
				p.BaseQuantity, p.BaseUnit = decPtr(v), einvoice.UnitCode(unit)
			}),
			decCAC("AllowanceCharge", "BT-147 BT-148",
				decIndicator("BT-147", func(d *decState) *decInd { return &d.b.priceAC.ind }),
				decAmount("Amount", "BT-147", "price", func(d *decState, _ any, v decimal.Decimal) { pa(d).amount = decPtr(v) }),
				decAmount("BaseAmount", "BT-148", "price", func(d *decState, _ any, v decimal.Decimal) { pa(d).base = decPtr(v) }),
			).Opens(func(d *decState, ctx any) any {
				d.b.priceAC = decPriceAC{mark: d.IgnoredMark()}
				return ctx
			}).Closes(func(d *decState, ctx any) error {
				b := pa(d)
				switch {
				case !b.ind.has:
					return d.Fail("a price allowance without cbc:ChargeIndicator")
				case b.ind.val:
					d.DropIgnored(b.mark)
					return d.IgnoreTop("a charge on the price: the model holds a price discount only")
				}
				p := &ln(ctx).Price
				// A discount of zero is no discount: the encoder writes one
				// as a filler with every gross price (cbc:Amount is
				// mandatory), and the CII decoder reads zero so too.
				if b.amount != nil && !b.amount.IsZero() {
					p.Discount = b.amount
				}
				if b.base != nil {
					p.Gross = b.base
				}
				return nil
			}),
		),
	).Rep().Opens(func(d *decState, _ any) any {
		d.inv.Lines = append(d.inv.Lines, einvoice.Line{})
		return &d.inv.Lines[len(d.inv.Lines)-1]
	})
}

// checkCurrency checks the currencyID of an amount: the invoice currency
// (BT-5), or the amount is misread. Before the currency is known, the
// check waits for the end of the document.
func (d *decState) checkCurrency(cur string) error {
	switch {
	case cur == "":
		return nil
	case d.inv.Currency != "":
		if cur != string(d.inv.Currency) {
			return d.Fail("amount in %s in an invoice in %s", cur, d.inv.Currency)
		}
		return nil
	}
	d.b.currencies = append(d.b.currencies, decCurrency{currency: cur, loc: d.CaptureTop(), terms: d.TopTerms()})
	return nil
}

// finish ends the document: the checks that waited for the currencies, the
// VAT totals, the payment due date.
func (d *decState) finish() error {
	cur, taxCur := string(d.inv.Currency), string(d.inv.TaxCurrency)
	if cur != "" {
		for _, c := range d.b.currencies {
			if c.currency != cur {
				return d.FailAt(c.loc, c.terms, fmt.Sprintf("amount in %s in an invoice in %s", c.currency, cur))
			}
		}
	}
	if err := d.taxTotals(cur, taxCur); err != nil {
		return err
	}
	for _, due := range d.b.dueDates {
		switch {
		case d.inv.DueDate.IsZero():
			d.inv.DueDate = due.v
		case due.v != d.inv.DueDate:
			reason := "a payment due date other than the invoice's (cbc:DueDate): the model holds one"
			if due.credit {
				reason = "a payment due date other than the first payment means': the model holds one"
			}
			if err := d.IgnoreAt(due.loc, []string{"BT-9"}, reason); err != nil {
				return err
			}
		}
	}
	return nil
}

// taxTotals gives the VAT totals their terms: BT-110 is the one with the
// VAT breakdown, or else the first in the invoice currency; BT-111 one in
// the VAT accounting currency (BT-6).
func (d *decState) taxTotals(cur, taxCur string) error {
	tts := d.b.taxTotals
	first := -1
	for i := range tts {
		if tts[i].breakdown {
			first = i
			break
		}
	}
	if first < 0 {
		for i := range tts {
			if c := tts[i].currency; c == "" || cur == "" || c == cur {
				first = i
				break
			}
		}
	}
	t := &d.inv.Totals
	for i := range tts {
		tt := &tts[i]
		v := tt.v
		switch {
		case i == first:
			if tt.currency != "" && cur != "" && tt.currency != cur {
				return d.FailAt(tt.loc, []string{"BT-110"}, fmt.Sprintf("VAT total in %s in an invoice in %s", tt.currency, cur))
			}
			t.VAT = &v
		case taxCur != "" && tt.currency == taxCur && t.VATInTaxCurrency == nil:
			t.VATInTaxCurrency = &v
		case tt.currency != "" && cur != "" && tt.currency != cur && tt.currency != taxCur:
			msg := fmt.Sprintf("VAT total in %s in an invoice in %s", tt.currency, cur)
			if taxCur != "" {
				msg += " with VAT accounted in " + taxCur
			}
			return d.FailAt(tt.loc, []string{"BT-110", "BT-111"}, msg)
		default:
			if err := d.IgnoreAt(tt.loc, []string{"BT-110", "BT-111"}, "a second VAT total in the same currency: the model holds one"); err != nil {
				return err
			}
		}
	}
	return nil
}

// The buffers of the groups that decide when they close.
type decBuilders struct {
	order      decOrder
	adr        decADR
	ptax       decPartyTax
	ac         decAC
	priceAC    decPriceAC
	lineDoc    decLineDoc
	pm         decPM
	tt         decTaxTotal
	taxTotals  []decTaxTotalAmount
	currencies []decCurrency
	dueDates   []decDue
	pmSeen     bool
	pmNameSeen bool
	pmIDSeen   bool
	breakdown  bool
}

type decInd struct{ has, val bool }

type decOrder struct{ id, sales string }

type decADR struct {
	id, scheme, typeCode, desc, uri, mime, filename string
	bin                                             []byte
	typeLoc, descLoc, attLoc, binLoc                *decLoc
	mark                                            int
}

type decPartyTax struct {
	id, scheme string
	hasID      bool
}

// decAC is an allowance or charge being read: its indicator, and the
// allowance or charge it makes (Charge set from the indicator at the end).
type decAC struct {
	ind decInd
	xmlscan.AllowanceCharge
}

type decPriceAC struct {
	ind          decInd
	amount, base *decimal.Decimal
	mark         int
}

type decLineDoc struct {
	id, scheme, typeCode string
	mark                 int
}

type decPM struct {
	content         bool
	code            string
	name            string
	nameLoc         *decLoc
	payID           string
	payIDLoc        *decLoc
	card            einvoice.PaymentCard
	cardLoc         *decLoc
	account         einvoice.CreditTransfer
	hasAccount      bool
	mandate, debtor string
	mandateLoc      *decLoc
	mark            int
}

type decTaxTotal struct {
	v        decimal.Decimal
	has      bool
	currency string
	loc      *decLoc
	subs     []einvoice.VATBreakdown
	mark     int
}

type decTaxTotalAmount struct {
	v         decimal.Decimal
	currency  string
	loc       *decLoc
	breakdown bool
}

type decCurrency struct {
	currency string
	loc      *decLoc
	terms    []string
}

type decDue struct {
	v      einvoice.Date
	loc    *decLoc
	credit bool
}
