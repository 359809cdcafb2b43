package cii

import (
	"fmt"
	"strings"
	"sync"

	"github.com/einvoice-go/einvoice"
	"github.com/einvoice-go/einvoice/internal/xmlscan"
	"github.com/shopspring/decimal"
)

// The mapping from CII to the model, as a tree of decNode: one node per
// element the model carries, under its parent, in schema order. An element
// that is not in the tree under its parent is not carried: Decode skips it
// and reports it.
//
// A group node may open a context (what its leaves fill in) and finish it
// when it closes; a leaf node receives its text and attributes. Groups whose
// meaning depends on a child that may come last (an allowance or a charge by
// its ChargeIndicator, an additional document by its TypeCode) gather their
// content in a buffer of decBuilders and decide when they close, so the
// order of elements does not matter.

func decNew(ns decNS, local, terms string) *decNode {
	return xmlscan.NewNode[*decState](ns, decNSPrefix[ns]+":"+local, terms)
}

// decGroup returns a group node of the ram namespace (or rsm for the
// document's top elements).
func decGroup(local, terms string, kids ...*decNode) *decNode {
	return decGroupNS(decNSRAM, local, terms, kids...)
}

func decGroupNS(ns decNS, local, terms string, kids ...*decNode) *decNode {
	return decNew(ns, local, terms).Add(kids...)
}

func decLeaf(ns decNS, local, terms string, fn decLeafFunc) *decNode {
	return decNew(ns, local, terms).Leaf(fn)
}

// Leaves by kind of value.

// decText is a text leaf, kept exactly as written (identifiers too).
func decText(local, terms string, set func(d *decState, ctx any, s string)) *decNode {
	return decLeaf(decNSRAM, local, terms, func(d *decState, ctx any, text []byte, _ *decFrame) error {
		set(d, ctx, string(text))
		return nil
	})
}

// decCode is a code leaf, trimmed of white space.
func decCode(local, terms string, set func(d *decState, ctx any, s string)) *decNode {
	return decLeaf(decNSRAM, local, terms, func(d *decState, ctx any, text []byte, _ *decFrame) error {
		set(d, ctx, xmlscan.Trim(text))
		return nil
	})
}

// decNumber is an amount, price, quantity or percentage leaf.
func decNumber(local, terms, kind string, set func(d *decState, ctx any, v decimal.Decimal)) *decNode {
	return decLeaf(decNSRAM, local, terms, func(d *decState, ctx any, text []byte, _ *decFrame) error {
		v, err := d.Number(text, kind)
		if err != nil {
			return err
		}
		set(d, ctx, v)
		return nil
	})
}

// decQuantity is a quantity leaf with its unitCode.
func decQuantity(local, terms string, set func(d *decState, ctx any, v decimal.Decimal, unit string)) *decNode {
	return decLeaf(decNSRAM, local, terms, func(d *decState, ctx any, text []byte, f *decFrame) error {
		v, err := d.Number(text, "quantity")
		if err != nil {
			return err
		}
		set(d, ctx, v, strings.Trim(f.Attr[0], xmlscan.Space))
		return nil
	}).WithAttrs("unitCode")
}

// decDate is a group holding a date: ram:local/udt:DateTimeString, or
// another inner element.
func decDate(local, terms string, ns decNS, inner string, set func(d *decState, ctx any, v einvoice.Date)) *decNode {
	return decGroup(local, terms, decLeaf(ns, inner, terms, func(d *decState, ctx any, text []byte, f *decFrame) error {
		v, err := d.date(text, f)
		if err != nil {
			return err
		}
		set(d, ctx, v)
		return nil
	}).WithAttrs("format"))
}

func decDateTime(local, terms string, set func(d *decState, ctx any, v einvoice.Date)) *decNode {
	return decDate(local, terms, decNSUDT, "DateTimeString", set)
}

// decIDLeaf is an identifier with its schemeID.
func decIDLeaf(local, terms string, set func(d *decState, ctx any, id einvoice.ID) error) *decNode {
	return decLeaf(decNSRAM, local, terms, func(d *decState, ctx any, text []byte, f *decFrame) error {
		return set(d, ctx, einvoice.ID{Value: string(text), Scheme: einvoice.ICDCode(strings.Trim(f.Attr[0], xmlscan.Space))})
	}).WithAttrs("schemeID")
}

// decIndicator is ram:ChargeIndicator/udt:Indicator.
func decIndicator(terms string, get func(d *decState) *decInd) *decNode {
	return decGroup("ChargeIndicator", terms, decLeaf(decNSUDT, "Indicator", terms, func(d *decState, _ any, text []byte, _ *decFrame) error {
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
	}))
}

// decAddress is a ram:PostalTradeAddress; terms lists the group, then the
// post code, lines one to three, city, country and subdivision.
func decAddress(terms string, get func(d *decState, ctx any) *einvoice.Address) *decNode {
	t := strings.Fields(terms)
	a := func(ctx any) *einvoice.Address { return ctx.(*einvoice.Address) }
	return decGroup("PostalTradeAddress", t[0],
		decText("PostcodeCode", t[1], func(_ *decState, ctx any, s string) { a(ctx).PostCode = s }),
		decText("LineOne", t[2], func(_ *decState, ctx any, s string) { a(ctx).Line1 = s }),
		decText("LineTwo", t[3], func(_ *decState, ctx any, s string) { a(ctx).Line2 = s }),
		decText("LineThree", t[4], func(_ *decState, ctx any, s string) { a(ctx).Line3 = s }),
		decText("CityName", t[5], func(_ *decState, ctx any, s string) { a(ctx).City = s }),
		decCode("CountryID", t[6], func(_ *decState, ctx any, s string) { a(ctx).Country = einvoice.CountryCode(s) }),
		decText("CountrySubDivisionName", t[7], func(_ *decState, ctx any, s string) { a(ctx).Subdivision = s }),
	).Opens(func(d *decState, ctx any) any { return get(d, ctx) })
}

// decContactNode is a ram:DefinedTradeContact: terms lists the group, the
// contact point, the telephone and the email.
func decContactNode(terms string, get func(d *decState) **einvoice.Contact) *decNode {
	t := strings.Fields(terms)
	c := func(ctx any) *decContact { return ctx.(*decContact) }
	return decGroup("DefinedTradeContact", t[0],
		decText("PersonName", t[1], func(_ *decState, ctx any, s string) { c(ctx).person, c(ctx).hasPerson = s, true }),
		decLeaf(decNSRAM, "DepartmentName", t[1], func(d *decState, ctx any, text []byte, _ *decFrame) error {
			c(ctx).dept, c(ctx).hasDept, c(ctx).deptLoc = string(text), true, d.CaptureTop()
			return nil
		}),
		decGroup("TelephoneUniversalCommunication", t[2],
			decText("CompleteNumber", t[2], func(_ *decState, ctx any, s string) { c(ctx).c.Phone = s })),
		decGroup("EmailURIUniversalCommunication", t[3],
			decText("URIID", t[3], func(_ *decState, ctx any, s string) { c(ctx).c.Email = s })),
	).Opens(func(d *decState, _ any) any {
		p := get(d)
		*p = new(einvoice.Contact)
		d.b.contact = decContact{c: *p}
		return &d.b.contact
	}).Closes(func(d *decState, ctx any) error {
		cb := c(ctx)
		switch {
		case cb.hasPerson:
			cb.c.Name = cb.person
			if cb.hasDept {
				return d.IgnoreAt(cb.deptLoc, []string{t[1]}, "a department name besides a person name: the model holds one contact point")
			}
		case cb.hasDept:
			cb.c.Name = cb.dept
		}
		if *cb.c == (einvoice.Contact{}) { // an empty element holds no contact
			*get(d) = nil
		}
		return nil
	})
}

// decOneID sets an identifier the model holds once (BT-60, BT-71,
// EXT-FR-FE-146): a second one, from ram:ID or ram:GlobalID, is reported.
func decOneID(get func(d *decState, ctx any) *einvoice.ID) func(d *decState, ctx any, id einvoice.ID) error {
	return func(d *decState, ctx any, id einvoice.ID) error {
		if id.IsZero() {
			return nil // nothing to carry; get may create a group
		}
		p := get(d, ctx)
		if !p.IsZero() {
			return d.IgnoreTop("a second identifier: the model holds one")
		}
		*p = id
		return nil
	}
}

// decTaxRegistration is ram:SpecifiedTaxRegistration/ram:ID@schemeID: VA is
// the VAT identifier, FC the tax registration identifier (nil where the
// party has none).
func decTaxRegistration(terms string, va, fc func(d *decState, ctx any) *string) *decNode {
	return decGroup("SpecifiedTaxRegistration", terms,
		decLeaf(decNSRAM, "ID", terms, func(d *decState, ctx any, text []byte, f *decFrame) error {
			var p *string
			switch scheme := strings.Trim(f.Attr[0], xmlscan.Space); {
			case scheme == "VA":
				p = va(d, ctx)
			case scheme == "FC" && fc != nil:
				p = fc(d, ctx)
			default:
				return d.IgnoreTop(fmt.Sprintf("a tax registration of scheme %q: the model holds none", scheme))
			}
			if *p != "" {
				return d.IgnoreTop("a second tax registration of the same scheme: the model holds one")
			}
			*p = string(text)
			return nil
		}).WithAttrs("schemeID"),
	).Rep()
}

// decTaxType is the ram:TypeCode of a tax: VAT, the only tax of the model.
func decTaxType() *decNode {
	return decLeaf(decNSRAM, "TypeCode", "", func(d *decState, _ any, text []byte, _ *decFrame) error {
		if c := xmlscan.Trim(text); c != "" && c != "VAT" {
			return d.IgnoreTop(fmt.Sprintf("tax type %q: the model holds VAT only", c))
		}
		return nil
	})
}

// decReferenced is a referenced document of which the model holds the
// identifier only.
func decReferenced(local, terms string, set func(d *decState, s string)) *decNode {
	return decGroup(local, terms,
		decText("IssuerAssignedID", terms, func(d *decState, _ any, s string) { set(d, s) }))
}

// decURI is a party's ram:URIUniversalCommunication/ram:URIID@schemeID,
// its electronic address.
func decURI(terms string, get func(d *decState, ctx any) *einvoice.ElectronicAddress) *decNode {
	return decGroup("URIUniversalCommunication", terms,
		decIDLeaf("URIID", terms, func(d *decState, ctx any, id einvoice.ID) error {
			*get(d, ctx) = einvoice.ElectronicAddress{Value: id.Value, Scheme: einvoice.EASCode(id.Scheme)}
			return nil
		}))
}

// decExtParty is an EXTENDED party (einvoice.Party) of group id terms, which
// get returns the place of: its identifiers (ram:ID, ram:GlobalID), name,
// legal registration, postal address, electronic address and VAT
// identifier, as the seller's.
func decExtParty(local, terms string, get func(d *decState, ctx any) **einvoice.Party) *decNode {
	pt := func(ctx any) *einvoice.Party { return ctx.(*einvoice.Party) }
	addID := func(_ *decState, ctx any, id einvoice.ID) error {
		pt(ctx).Identifiers = append(pt(ctx).Identifiers, id)
		return nil
	}
	return decGroup(local, terms,
		decIDLeaf("ID", terms, addID).Rep(),
		decIDLeaf("GlobalID", terms, addID).Rep(),
		decText("Name", terms, func(_ *decState, ctx any, s string) { pt(ctx).Name = s }),
		decGroup("SpecifiedLegalOrganization", terms,
			decIDLeaf("ID", terms, func(_ *decState, ctx any, id einvoice.ID) error {
				pt(ctx).LegalRegistration = id
				return nil
			})),
		decAddress(strings.Repeat(terms+" ", 8), func(_ *decState, ctx any) *einvoice.Address {
			p := pt(ctx)
			p.Address = new(einvoice.Address)
			return p.Address
		}),
		decURI(terms, func(_ *decState, ctx any) *einvoice.ElectronicAddress { return &pt(ctx).ElectronicAddress }),
		decTaxRegistration(terms, func(_ *decState, ctx any) *string { return &pt(ctx).VATID }, nil),
	).Opens(func(d *decState, ctx any) any {
		p := new(einvoice.Party)
		*get(d, ctx) = p
		return p
	})
}

// decShipTo is where and when goods are delivered, in the Delivery get
// returns (creating it): the ram:ShipToTradeParty and
// ram:ActualDeliverySupplyChainEvent of the invoice (BG-13) or of a line
// (EXT-FR-FE-BG-10). terms lists the party's group, its identifier and its
// name, and the date; address, the terms of decAddress.
func decShipTo(terms, address string, get func(d *decState, ctx any) *einvoice.Delivery) (shipTo, event *decNode) {
	t := strings.Fields(terms)
	loc := decOneID(func(d *decState, ctx any) *einvoice.ID { return &get(d, ctx).LocationID })
	return decGroup("ShipToTradeParty", t[0],
			decIDLeaf("ID", t[1], loc).Rep(),
			decIDLeaf("GlobalID", t[1], loc).Rep(),
			decText("Name", t[2], func(d *decState, ctx any, s string) {
				if s != "" {
					get(d, ctx).PartyName = s
				}
			}),
			decAddress(address, func(d *decState, ctx any) *einvoice.Address {
				dl := get(d, ctx)
				dl.Address = new(einvoice.Address)
				return dl.Address
			}),
		),
		decGroup("ActualDeliverySupplyChainEvent", t[3],
			decDateTime("OccurrenceDateTime", t[3], func(d *decState, ctx any, v einvoice.Date) { get(d, ctx).Date = v }))
}

// decPreceding is a ram:InvoiceReferencedDocument, a preceding invoice,
// which open returns: the invoice's (BG-3) or a line's (EXT-FR-FE-BG-06).
// terms lists the group, the number, the type code and the date.
func decPreceding(terms string, open func(d *decState, ctx any) any) *decNode {
	t := strings.Fields(terms)
	pi := func(ctx any) *einvoice.PrecedingInvoice { return ctx.(*einvoice.PrecedingInvoice) }
	return decGroup("InvoiceReferencedDocument", t[0],
		decText("IssuerAssignedID", t[1], func(_ *decState, ctx any, s string) { pi(ctx).Number = s }),
		decCode("TypeCode", t[2], func(_ *decState, ctx any, s string) { pi(ctx).TypeCode = einvoice.DocumentTypeCode(s) }),
		decDate("FormattedIssueDateTime", t[3], decNSQDT, "DateTimeString", func(_ *decState, ctx any, v einvoice.Date) {
			pi(ctx).IssueDate = v
		}),
	).Opens(open)
}

// decVATTotal is a ram:TaxTotalAmount@currencyID of the document (line
// -1) or of a line: which VAT total it is depends on the currencies, which
// come later in the document; finish decides.
func decVATTotal(terms string, line func(d *decState) int) *decNode {
	return decLeaf(decNSRAM, "TaxTotalAmount", terms, func(d *decState, _ any, text []byte, f *decFrame) error {
		v, err := d.Number(text, "amount")
		if err != nil {
			return err
		}
		d.b.taxTotals = append(d.b.taxTotals, decTaxTotal{v: v, currency: strings.Trim(f.Attr[0], xmlscan.Space), loc: d.CaptureTop(), line: line(d)})
		return nil
	}).WithAttrs("currencyID").Rep()
}

func decPtr(v decimal.Decimal) *decimal.Decimal { return &v }

// decTree returns the mapping, built once.
var decTree = sync.OnceValue(decBuildTree)

func decBuildTree() *decNode {
	inv := func(d *decState) *einvoice.Invoice { return d.inv }
	return decGroupNS(decNSRSM, "CrossIndustryInvoice", "",
		decGroupNS(decNSRSM, "ExchangedDocumentContext", "BG-2",
			decGroup("TestIndicator", "").Ignored("a test indicator: the model holds none"),
			decGroup("BusinessProcessSpecifiedDocumentContextParameter", "BT-23",
				decText("ID", "BT-23", func(d *decState, _ any, s string) { d.inv.Process.BusinessProcess = s })),
			decGroup("GuidelineSpecifiedDocumentContextParameter", "BT-24",
				decText("ID", "BT-24", func(d *decState, _ any, s string) { d.inv.Process.Specification = s })),
		),
		decGroupNS(decNSRSM, "ExchangedDocument", "",
			decText("ID", "BT-1", func(d *decState, _ any, s string) { d.inv.Number = s }),
			decCode("TypeCode", "BT-3", func(d *decState, _ any, s string) { d.inv.TypeCode = einvoice.DocumentTypeCode(s) }),
			decDateTime("IssueDateTime", "BT-2", func(d *decState, _ any, v einvoice.Date) { d.inv.IssueDate = v }),
			decGroup("IncludedNote", "BG-1",
				decText("Content", "BT-22", func(_ *decState, ctx any, s string) { ctx.(*einvoice.Note).Text = s }),
				decCode("SubjectCode", "BT-21", func(_ *decState, ctx any, s string) {
					ctx.(*einvoice.Note).SubjectCode = einvoice.SubjectCode(s)
				}),
			).Rep().Opens(func(d *decState, _ any) any {
				d.inv.Notes = append(d.inv.Notes, einvoice.Note{})
				return &d.inv.Notes[len(d.inv.Notes)-1]
			}),
		),
		decGroupNS(decNSRSM, "SupplyChainTradeTransaction", "",
			decLineNode(),
			decAgreementNode(inv),
			decDeliveryNode(),
			decSettlementNode(),
		),
	).Opens(func(d *decState, ctx any) any {
		d.decReserveLines()
		return ctx
	}).Closes(func(d *decState, _ any) error { return d.finish() })
}

func decLineNode() *decNode {
	ln := func(ctx any) *einvoice.Line { return ctx.(*einvoice.Line) }
	item := func(ctx any) *einvoice.Item { return &ctx.(*einvoice.Line).Item }
	shipTo, event := decShipTo("EXT-FR-FE-BG-10 EXT-FR-FE-146 EXT-FR-FE-BG-10 EXT-FR-FE-158", strings.Repeat("EXT-FR-FE-BG-10 ", 8),
		func(_ *decState, ctx any) *einvoice.Delivery {
			l := ln(ctx)
			if l.Delivery == nil {
				l.Delivery = new(einvoice.Delivery)
			}
			return l.Delivery
		})
	return decGroup("IncludedSupplyChainTradeLineItem", "BG-25",
		decGroup("AssociatedDocumentLineDocument", "",
			decText("LineID", "BT-126", func(_ *decState, ctx any, s string) { ln(ctx).ID = s }),
			decText("ParentLineID", "EXT-FR-FE-162", func(_ *decState, ctx any, s string) { ln(ctx).ParentID = s }),
			// Kept as written, not trimmed as codes are: the official rules
			// compare it as written and report a blank one (BR-FR-MV-01).
			decText("LineStatusReasonCode", "EXT-FR-FE-163", func(_ *decState, ctx any, s string) {
				ln(ctx).Status = einvoice.LineStatus(s)
			}),
			decGroup("IncludedNote", "BT-127",
				decText("Content", "BT-127", func(_ *decState, ctx any, s string) { ln(ctx).Note = s })),
		),
		decGroup("SpecifiedTradeProduct", "BG-31",
			decIDLeaf("GlobalID", "BT-157", func(_ *decState, ctx any, id einvoice.ID) error {
				item(ctx).StandardID = id
				return nil
			}),
			decText("SellerAssignedID", "BT-155", func(_ *decState, ctx any, s string) { item(ctx).SellerID = s }),
			decText("BuyerAssignedID", "BT-156", func(_ *decState, ctx any, s string) { item(ctx).BuyerID = s }),
			decText("Name", "BT-153", func(_ *decState, ctx any, s string) { item(ctx).Name = s }),
			decText("Description", "BT-154", func(_ *decState, ctx any, s string) { item(ctx).Description = s }),
			decGroup("ApplicableProductCharacteristic", "BG-32",
				// As written: the French rules report a blank one (BR-FR-27).
				decText("TypeCode", "EXT-FR-FE-159", func(_ *decState, ctx any, s string) { ctx.(*einvoice.ItemAttribute).TypeCode = s }),
				decText("Description", "BT-160", func(_ *decState, ctx any, s string) { ctx.(*einvoice.ItemAttribute).Name = s }),
				decQuantity("ValueMeasure", "BT-X-12", func(_ *decState, ctx any, v decimal.Decimal, unit string) {
					ctx.(*einvoice.ItemAttribute).Measure = &einvoice.Measure{Value: v, Unit: einvoice.UnitCode(unit)}
				}),
				decText("Value", "BT-161", func(_ *decState, ctx any, s string) { ctx.(*einvoice.ItemAttribute).Value = s }),
			).Rep().Opens(func(_ *decState, ctx any) any {
				it := item(ctx)
				it.Attributes = append(it.Attributes, einvoice.ItemAttribute{})
				return &it.Attributes[len(it.Attributes)-1]
			}),
			decGroup("DesignatedProductClassification", "BT-158",
				decLeaf(decNSRAM, "ClassCode", "BT-158", func(_ *decState, ctx any, text []byte, f *decFrame) error {
					c := ctx.(*einvoice.Classification)
					c.Value = string(text)
					c.Scheme = einvoice.ClassificationScheme(strings.Trim(f.Attr[0], xmlscan.Space))
					c.SchemeVersion = f.Attr[1]
					return nil
				}).WithAttrs("listID", "listVersionID"),
			).Rep().Opens(func(_ *decState, ctx any) any {
				it := item(ctx)
				it.Classifications = append(it.Classifications, einvoice.Classification{})
				return &it.Classifications[len(it.Classifications)-1]
			}),
			decGroup("OriginTradeCountry", "BT-159",
				decCode("ID", "BT-159", func(_ *decState, ctx any, s string) { item(ctx).OriginCountry = einvoice.CountryCode(s) })),
		),
		decGroup("SpecifiedLineTradeAgreement", "",
			decGroup("BuyerOrderReferencedDocument", "BT-132",
				decText("LineID", "BT-132", func(_ *decState, ctx any, s string) { ln(ctx).OrderLineReference = s })),
			decGroup("GrossPriceProductTradePrice", "BT-148",
				decNumber("ChargeAmount", "BT-148", "price", func(_ *decState, ctx any, v decimal.Decimal) { ln(ctx).Price.Gross = decPtr(v) }),
				decQuantity("BasisQuantity", "BT-149 BT-150", func(d *decState, _ any, v decimal.Decimal, unit string) {
					d.b.gross = decGrossBase{has: true, qty: v, unit: unit, loc: d.CaptureTop()}
				}),
				decGroup("AppliedTradeAllowanceCharge", "BT-147",
					decIndicator("BT-147", func(d *decState) *decInd { return &d.b.discount.ind }),
					decNumber("ActualAmount", "BT-147", "amount", func(d *decState, _ any, v decimal.Decimal) {
						d.b.discount.amount = decPtr(v)
					}),
				).Opens(func(d *decState, ctx any) any {
					d.b.discount = decDiscount{mark: d.IgnoredMark()}
					return ctx
				}).Closes(func(d *decState, ctx any) error {
					b := &d.b.discount
					switch {
					case !b.ind.has && d.Strict:
						return d.Fail("a price allowance without ram:ChargeIndicator")
					case !b.ind.has:
						// Some producers leave the indicator out (intarsys'
						// ZUGFeRD 2.0 samples). A price can only carry an
						// allowance in EN 16931, so it is read as one, when
						// the line's prices agree: checked at the end of
						// SpecifiedLineTradeAgreement.
						d.b.unmarkedDiscount = d.CaptureTop()
					case b.ind.val:
						d.DropIgnored(b.mark)
						return d.IgnoreTop("a charge on the gross price: the model holds a price discount only")
					}
					// A discount of zero is no discount: UBL must write one
					// as a filler with every gross price, and both decoders
					// read it so, for CII -> UBL -> CII to come back equal.
					if b.amount != nil && !b.amount.IsZero() {
						ln(ctx).Price.Discount = b.amount
					}
					return nil
				}),
			),
			decGroup("NetPriceProductTradePrice", "BG-29",
				decNumber("ChargeAmount", "BT-146", "price", func(_ *decState, ctx any, v decimal.Decimal) { ln(ctx).Price.Net = v }),
				decQuantity("BasisQuantity", "BT-149 BT-150", func(d *decState, ctx any, v decimal.Decimal, unit string) {
					p := &ln(ctx).Price
					p.BaseQuantity, p.BaseUnit = decPtr(v), einvoice.UnitCode(unit)
				}),
			),
			decExtParty("ItemSellerTradeParty", "EXT-FR-FE-164", func(_ *decState, ctx any) **einvoice.Party { return &ln(ctx).Seller }),
		).Closes(func(d *decState, ctx any) error {
			loc := d.b.unmarkedDiscount
			if loc == nil {
				return nil
			}
			d.b.unmarkedDiscount = nil
			p := &ln(ctx).Price
			if p.Gross == nil || p.Discount == nil || !p.Gross.Sub(*p.Discount).Equal(p.Net) {
				return d.FailAt(loc, []string{"BT-147"}, "a price allowance without ram:ChargeIndicator, whose amount is not the gross price (BT-148) less the net price (BT-146)")
			}
			return nil
		}),
		decGroup("SpecifiedLineTradeDelivery", "",
			decQuantity("BilledQuantity", "BT-129 BT-130", func(_ *decState, ctx any, v decimal.Decimal, unit string) {
				ln(ctx).Quantity, ln(ctx).Unit = v, einvoice.UnitCode(unit)
			}),
			shipTo, event,
		),
		decGroup("SpecifiedLineTradeSettlement", "",
			decGroup("ApplicableTradeTax", "BG-30",
				decTaxType(),
				decCode("CategoryCode", "BT-151", func(_ *decState, ctx any, s string) { ln(ctx).VAT.Category = einvoice.VATCategory(s) }),
				decNumber("RateApplicablePercent", "BT-152", "percentage", func(_ *decState, ctx any, v decimal.Decimal) {
					ln(ctx).VAT.Rate = decPtr(v)
				}),
			),
			decPeriod("BG-26 BT-134 BT-135", func(_ *decState, ctx any) *einvoice.Period {
				ln(ctx).Period = new(einvoice.Period)
				return ln(ctx).Period
			}),
			decAllowanceCharge(false),
			decGroup("SpecifiedTradeSettlementLineMonetarySummation", "",
				decNumber("LineTotalAmount", "BT-131", "amount", func(_ *decState, ctx any, v decimal.Decimal) { ln(ctx).NetAmount = v }),
				decVATTotal("EXT-FR-FE-181 EXT-FR-FE-182", func(d *decState) int { return len(d.inv.Lines) - 1 }),
				decNumber("GrandTotalAmount", "EXT-FR-FE-184", "amount", func(_ *decState, ctx any, v decimal.Decimal) {
					ln(ctx).TotalWithVAT = decPtr(v)
				}),
			),
			decPreceding("EXT-FR-FE-BG-06 EXT-FR-FE-136 EXT-FR-FE-137 EXT-FR-FE-138", func(_ *decState, ctx any) any {
				l := ln(ctx)
				l.PrecedingInvoice = new(einvoice.PrecedingInvoice)
				return l.PrecedingInvoice
			}),
			decGroup("AdditionalReferencedDocument", "BT-128",
				decText("IssuerAssignedID", "BT-128", func(d *decState, _ any, s string) { d.b.ard.id = s }),
				decCode("TypeCode", "", func(d *decState, _ any, s string) { d.b.ard.typeCode = s }),
				decCode("ReferenceTypeCode", "BT-128-1", func(d *decState, _ any, s string) { d.b.ard.refType = s }),
			).Rep().Opens(func(d *decState, ctx any) any {
				d.b.ard = decARD{mark: d.IgnoredMark()}
				return ctx
			}).Closes(func(d *decState, ctx any) error {
				a, l := &d.b.ard, ln(ctx)
				switch {
				case a.typeCode != "130" && a.typeCode != "":
					// Without a TypeCode, the line's additional document
					// can only be its object identifier, as EN 16931 has no
					// other.
					d.DropIgnored(a.mark)
					return d.IgnoreTop(fmt.Sprintf("a line document of type %q: the model holds an object identifier (130) only", a.typeCode))
				case !l.Object.IsZero():
					d.DropIgnored(a.mark)
					return d.IgnoreTop("a second line object identifier: the model holds one")
				}
				l.Object = einvoice.ObjectID{Value: a.id, Scheme: einvoice.ReferenceCode(a.refType)}
				return nil
			}),
			decGroup("ReceivableSpecifiedTradeAccountingAccount", "BT-133",
				decText("ID", "BT-133", func(_ *decState, ctx any, s string) { ln(ctx).BuyerAccountingReference = s })),
		),
	).Rep().Opens(func(d *decState, _ any) any {
		d.inv.Lines = append(d.inv.Lines, einvoice.Line{})
		d.b.gross = decGrossBase{}
		return &d.inv.Lines[len(d.inv.Lines)-1]
	}).Closes(func(d *decState, ctx any) error {
		// The gross price's base quantity is the net price's (BT-149, BT-150).
		g, p := &d.b.gross, &ln(ctx).Price
		switch {
		case !g.has:
		case p.BaseQuantity == nil && p.BaseUnit == "":
			p.BaseQuantity, p.BaseUnit = decPtr(g.qty), einvoice.UnitCode(g.unit)
		case p.BaseQuantity != nil && p.BaseQuantity.Equal(g.qty) && string(p.BaseUnit) == g.unit:
		default:
			return d.IgnoreAt(g.loc, []string{"BT-149", "BT-150"}, "a gross price base quantity other than the net price's: the model holds one")
		}
		return nil
	})
}

// decPeriod is a ram:BillingSpecifiedPeriod; terms lists the group, the
// start and the end date.
func decPeriod(terms string, get func(d *decState, ctx any) *einvoice.Period) *decNode {
	t := strings.Fields(terms)
	return decGroup("BillingSpecifiedPeriod", t[0],
		decDateTime("StartDateTime", t[1], func(_ *decState, ctx any, v einvoice.Date) { ctx.(*einvoice.Period).Start = v }),
		decDateTime("EndDateTime", t[2], func(_ *decState, ctx any, v einvoice.Date) { ctx.(*einvoice.Period).End = v }),
	).Opens(func(d *decState, ctx any) any { return get(d, ctx) })
}

// decAllowanceCharge is a ram:SpecifiedTradeAllowanceCharge of a line
// (BG-27, BG-28) or of the document (BG-20, BG-21).
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
		decNumber("CalculationPercent", terms("BT-138 BT-143", "BT-94 BT-101"), "percentage", func(d *decState, _ any, v decimal.Decimal) {
			ac(d).Percentage = decPtr(v)
		}),
		decNumber("BasisAmount", terms("BT-137 BT-142", "BT-93 BT-100"), "amount", func(d *decState, _ any, v decimal.Decimal) {
			ac(d).BaseAmount = decPtr(v)
		}),
		decNumber("ActualAmount", terms("BT-136 BT-141", "BT-92 BT-99"), "amount", func(d *decState, _ any, v decimal.Decimal) {
			ac(d).Amount = v
		}),
		decCode("ReasonCode", terms("BT-140 BT-145", "BT-98 BT-105"), func(d *decState, _ any, s string) { ac(d).ReasonCode = s }),
		decText("Reason", terms("BT-139 BT-144", "BT-97 BT-104"), func(d *decState, _ any, s string) { ac(d).Reason = s }),
	}
	if header {
		kids = append(kids, decGroup("CategoryTradeTax", "BT-95 BT-102",
			decTaxType(),
			decCode("CategoryCode", "BT-95 BT-102", func(d *decState, _ any, s string) { ac(d).VAT.Category = einvoice.VATCategory(s) }),
			decNumber("RateApplicablePercent", "BT-96 BT-103", "percentage", func(d *decState, _ any, v decimal.Decimal) {
				ac(d).VAT.Rate = decPtr(v)
			}),
		))
	}
	return decGroup("SpecifiedTradeAllowanceCharge", terms("BG-27 BG-28", "BG-20 BG-21"), kids...).Rep().
		Opens(func(d *decState, ctx any) any {
			d.b.ac = decAC{}
			return ctx
		}).
		Closes(func(d *decState, ctx any) error {
			a := ac(d)
			if !a.ind.has {
				return d.Fail("an allowance or charge without ram:ChargeIndicator")
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

// decLogisticsCharge reads an EXTENDED ram:SpecifiedLogisticsServiceCharge
// (BT-X-271 .. BT-X-275) as the document level charge (BG-21) it is in
// EN 16931 terms: EXTENDED counts it in the sum of charges (BT-108) and the
// VAT breakdown as it does the charges, so the invoice's sums stay right.
// The encoder writes it back as a ram:SpecifiedTradeAllowanceCharge.
func decLogisticsCharge() *decNode {
	ac := func(d *decState) *decAC { return &d.b.ac }
	return decGroup("SpecifiedLogisticsServiceCharge", "BG-21",
		decText("Description", "BT-104", func(d *decState, _ any, s string) { ac(d).Reason = s }),
		decNumber("AppliedAmount", "BT-99", "amount", func(d *decState, _ any, v decimal.Decimal) { ac(d).Amount = v }),
		decGroup("AppliedTradeTax", "BT-102 BT-103",
			decTaxType(),
			decCode("CategoryCode", "BT-102", func(d *decState, _ any, s string) { ac(d).VAT.Category = einvoice.VATCategory(s) }),
			decNumber("RateApplicablePercent", "BT-103", "percentage", func(d *decState, _ any, v decimal.Decimal) {
				ac(d).VAT.Rate = decPtr(v)
			}),
		),
	).Rep().
		Opens(func(d *decState, ctx any) any {
			d.b.ac = decAC{}
			return ctx
		}).
		Closes(func(d *decState, _ any) error {
			a := ac(d)
			d.inv.Charges = append(d.inv.Charges, einvoice.Charge{Amount: a.Amount, VAT: a.VAT, Reason: a.Reason})
			return nil
		})
}

func decAgreementNode(inv func(d *decState) *einvoice.Invoice) *decNode {
	seller := func(d *decState) *einvoice.Seller { return &d.inv.Seller }
	buyer := func(d *decState) *einvoice.Buyer { return &d.inv.Buyer }
	taxRep := func(d *decState) *einvoice.TaxRepresentative { return d.inv.TaxRepresentative }
	ard := func(d *decState) *decARD { return &d.b.ard }
	return decGroup("ApplicableHeaderTradeAgreement", "",
		decText("BuyerReference", "BT-10", func(d *decState, _ any, s string) { d.inv.BuyerReference = s }),
		decGroup("SellerTradeParty", "BG-4",
			decIDLeaf("ID", "BT-29", func(d *decState, _ any, id einvoice.ID) error {
				seller(d).Identifiers = append(seller(d).Identifiers, id)
				return nil
			}).Rep(),
			decIDLeaf("GlobalID", "BT-29", func(d *decState, _ any, id einvoice.ID) error {
				seller(d).Identifiers = append(seller(d).Identifiers, id)
				return nil
			}).Rep(),
			decText("Name", "BT-27", func(d *decState, _ any, s string) { seller(d).Name = s }),
			decText("Description", "BT-33", func(d *decState, _ any, s string) { seller(d).AdditionalLegalInfo = s }),
			decGroup("SpecifiedLegalOrganization", "",
				decIDLeaf("ID", "BT-30", func(d *decState, _ any, id einvoice.ID) error {
					seller(d).LegalRegistration = id
					return nil
				}),
				decText("TradingBusinessName", "BT-28", func(d *decState, _ any, s string) { seller(d).TradingName = s }),
			),
			decContactNode("BG-6 BT-41 BT-42 BT-43", func(d *decState) **einvoice.Contact { return &seller(d).Contact }),
			decAddress("BG-5 BT-38 BT-35 BT-36 BT-162 BT-37 BT-40 BT-39", func(d *decState, _ any) *einvoice.Address {
				return &seller(d).Address
			}),
			decURI("BT-34", func(d *decState, _ any) *einvoice.ElectronicAddress { return &seller(d).ElectronicAddress }),
			decTaxRegistration("BT-31 BT-32",
				func(d *decState, _ any) *string { return &seller(d).VATID },
				func(d *decState, _ any) *string { return &seller(d).TaxRegistration }),
		),
		decGroup("BuyerTradeParty", "BG-7",
			decIDLeaf("ID", "BT-46", func(d *decState, _ any, id einvoice.ID) error {
				buyer(d).Identifiers = append(buyer(d).Identifiers, id)
				return nil
			}).Rep(),
			decIDLeaf("GlobalID", "BT-46", func(d *decState, _ any, id einvoice.ID) error {
				buyer(d).Identifiers = append(buyer(d).Identifiers, id)
				return nil
			}).Rep(),
			decText("Name", "BT-44", func(d *decState, _ any, s string) { buyer(d).Name = s }),
			decGroup("SpecifiedLegalOrganization", "",
				decIDLeaf("ID", "BT-47", func(d *decState, _ any, id einvoice.ID) error {
					buyer(d).LegalRegistration = id
					return nil
				}),
				decText("TradingBusinessName", "BT-45", func(d *decState, _ any, s string) { buyer(d).TradingName = s }),
			),
			decContactNode("BG-9 BT-56 BT-57 BT-58", func(d *decState) **einvoice.Contact { return &buyer(d).Contact }),
			decAddress("BG-8 BT-53 BT-50 BT-51 BT-163 BT-52 BT-55 BT-54", func(d *decState, _ any) *einvoice.Address {
				return &buyer(d).Address
			}),
			decURI("BT-49", func(d *decState, _ any) *einvoice.ElectronicAddress { return &buyer(d).ElectronicAddress }),
			decTaxRegistration("BT-48", func(d *decState, _ any) *string { return &buyer(d).VATID }, nil),
		),
		decExtParty("SalesAgentTradeParty", "EXT-FR-FE-BG-03", func(d *decState, _ any) **einvoice.Party { return &d.inv.SalesAgent }),
		decGroup("SellerTaxRepresentativeTradeParty", "BG-11",
			decText("Name", "BT-62", func(d *decState, _ any, s string) { taxRep(d).Name = s }),
			decAddress("BG-12 BT-67 BT-64 BT-65 BT-164 BT-66 BT-69 BT-68", func(d *decState, _ any) *einvoice.Address {
				return &taxRep(d).Address
			}),
			decTaxRegistration("BT-63", func(d *decState, _ any) *string { return &taxRep(d).VATID }, nil),
		).Opens(func(d *decState, ctx any) any {
			d.inv.TaxRepresentative = new(einvoice.TaxRepresentative)
			return ctx
		}),
		decReferenced("SellerOrderReferencedDocument", "BT-14", func(d *decState, s string) { inv(d).SalesOrderReference = s }),
		decReferenced("BuyerOrderReferencedDocument", "BT-13", func(d *decState, s string) { inv(d).PurchaseOrderReference = s }),
		decReferenced("ContractReferencedDocument", "BT-12", func(d *decState, s string) { inv(d).ContractReference = s }),
		decGroup("AdditionalReferencedDocument", "BG-24 BT-17 BT-18",
			decText("IssuerAssignedID", "BT-122 BT-17 BT-18", func(d *decState, _ any, s string) { ard(d).id = s }),
			decLeaf(decNSRAM, "URIID", "BT-124", func(d *decState, _ any, text []byte, _ *decFrame) error {
				ard(d).uri, ard(d).uriLoc = string(text), d.CaptureTop()
				return nil
			}),
			decCode("TypeCode", "", func(d *decState, _ any, s string) { ard(d).typeCode = s }),
			decLeaf(decNSRAM, "Name", "BT-123", func(d *decState, _ any, text []byte, _ *decFrame) error {
				ard(d).name, ard(d).nameLoc = string(text), d.CaptureTop()
				return nil
			}),
			decLeaf(decNSRAM, "AttachmentBinaryObject", "BT-125", func(d *decState, _ any, text []byte, f *decFrame) error {
				a := ard(d)
				a.binLoc = d.CaptureTop()
				a.bin = append(a.bin[:0], text...)
				a.mime, a.filename = strings.Trim(f.Attr[0], xmlscan.Space), f.Attr[1]
				return nil
			}).WithAttrs("mimeCode", "filename"),
			decLeaf(decNSRAM, "ReferenceTypeCode", "BT-18-1", func(d *decState, _ any, text []byte, _ *decFrame) error {
				ard(d).refType, ard(d).refLoc = xmlscan.Trim(text), d.CaptureTop()
				return nil
			}),
		).Rep().Opens(func(d *decState, ctx any) any {
			bin := d.b.ard.bin[:0]
			d.b.ard = decARD{mark: d.IgnoredMark(), bin: bin}
			return ctx
		}).Closes(func(d *decState, _ any) error { return d.additionalDocument() }),
		decExtParty("BuyerAgentTradeParty", "EXT-FR-FE-BG-01", func(d *decState, _ any) **einvoice.Party { return &d.inv.BuyerAgent }),
		decGroup("SpecifiedProcuringProject", "BT-11",
			decText("ID", "BT-11", func(d *decState, _ any, s string) { d.inv.ProjectReference = s }),
			decLeaf(decNSRAM, "Name", "", func(d *decState, _ any, text []byte, _ *decFrame) error {
				// The schema requires a name; the model has none. Our encoder
				// writes this filler.
				if xmlscan.Trim(text) != "Project reference" {
					return d.IgnoreTop("a project name: the model holds the project reference (BT-11) only")
				}
				return nil
			}),
		),
	)
}

// additionalDocument finishes a header ram:AdditionalReferencedDocument by
// its TypeCode: 916 an attachment (BG-24), 50 the tender or lot reference
// (BT-17), 130 the invoiced object identifier (BT-18).
func (d *decState) additionalDocument() error {
	a := &d.b.ard
	// extra reports the elements a kind of document does not carry.
	extra := func(kind string, uri, name, bin, ref bool) error {
		for _, x := range []struct {
			has   bool
			loc   *decLoc
			terms string
		}{{uri, a.uriLoc, "BT-124"}, {name, a.nameLoc, "BT-123"}, {bin, a.binLoc, "BT-125"}, {ref, a.refLoc, "BT-18-1"}} {
			if x.has && x.loc != nil {
				if err := d.IgnoreAt(x.loc, strings.Fields(x.terms), "not carried for "+kind); err != nil {
					return err
				}
			}
		}
		return nil
	}
	switch a.typeCode {
	case "916", "":
		// The EN 16931 schematron takes every additional document for an
		// attachment (BR-52); one without a TypeCode can be nothing else.
		at := einvoice.Attachment{ID: a.id, Description: a.name, ExternalLocation: a.uri,
			MIMECode: einvoice.MIMECode(a.mime), Filename: a.filename}
		if a.binLoc != nil {
			content, err := xmlscan.Base64(a.bin)
			if err != nil {
				return d.FailAt(a.binLoc, []string{"BT-125"}, "bad base64 content: "+err.Error())
			}
			at.Content = content
		}
		d.inv.Attachments = append(d.inv.Attachments, at)
		return extra("an attachment (916)", false, false, false, true)
	case "50":
		if d.inv.TenderOrLotReference != "" {
			d.DropIgnored(a.mark)
			return d.IgnoreTop("a second tender or lot reference: the model holds one")
		}
		d.inv.TenderOrLotReference = a.id
		return extra("a tender or lot reference (50)", true, true, true, true)
	case "130":
		if !d.inv.InvoicedObject.IsZero() {
			d.DropIgnored(a.mark)
			return d.IgnoreTop("a second invoiced object identifier: the model holds one")
		}
		d.inv.InvoicedObject = einvoice.ObjectID{Value: a.id, Scheme: einvoice.ReferenceCode(a.refType)}
		return extra("an invoiced object identifier (130)", true, true, true, false)
	}
	d.DropIgnored(a.mark)
	return d.IgnoreTop(fmt.Sprintf("a document of type %q: the model holds attachments (916), tender references (50) and object identifiers (130)", a.typeCode))
}

func decDeliveryNode() *decNode {
	shipTo, event := decShipTo("BG-13 BT-71 BT-70 BT-72", "BG-15 BT-78 BT-75 BT-76 BT-165 BT-77 BT-80 BT-79",
		func(d *decState, _ any) *einvoice.Delivery { return d.delivery() })
	return decGroup("ApplicableHeaderTradeDelivery", "",
		shipTo, event,
		decReferenced("DespatchAdviceReferencedDocument", "BT-16", func(d *decState, s string) { d.inv.DespatchAdviceReference = s }),
		decReferenced("ReceivingAdviceReferencedDocument", "BT-15", func(d *decState, s string) { d.inv.ReceivingAdviceReference = s }),
	)
}

func (d *decState) delivery() *einvoice.Delivery {
	if d.inv.Delivery == nil {
		d.inv.Delivery = new(einvoice.Delivery)
	}
	return d.inv.Delivery
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

func decSettlementNode() *decNode {
	tot := func(d *decState) *einvoice.Totals { return &d.inv.Totals }
	pm := func(d *decState) *decPM { return &d.b.pm }
	tax := func(d *decState) *decTax { return &d.b.tax }
	payeeID := func(d *decState, _ any) *einvoice.ID { return &d.inv.Payee.Identifier }
	return decGroup("ApplicableHeaderTradeSettlement", "",
		decText("CreditorReferenceID", "BT-90", func(d *decState, _ any, s string) {
			if s != "" {
				d.directDebit().CreditorID = s
			}
		}),
		decText("PaymentReference", "BT-83", func(d *decState, _ any, s string) {
			if s != "" {
				d.payment().RemittanceInfo = s
			}
		}),
		decCode("TaxCurrencyCode", "BT-6", func(d *decState, _ any, s string) { d.inv.TaxCurrency = einvoice.CurrencyCode(s) }),
		decCode("InvoiceCurrencyCode", "BT-5", func(d *decState, _ any, s string) { d.inv.Currency = einvoice.CurrencyCode(s) }),
		decExtParty("InvoicerTradeParty", "EXT-FR-FE-BG-05", func(d *decState, _ any) **einvoice.Party { return &d.inv.Invoicer }),
		decExtParty("InvoiceeTradeParty", "EXT-FR-FE-BG-04", func(d *decState, _ any) **einvoice.Party { return &d.inv.Invoicee }),
		decGroup("PayeeTradeParty", "BG-10",
			decIDLeaf("ID", "BT-60", decOneID(payeeID)).Rep(),
			decIDLeaf("GlobalID", "BT-60", decOneID(payeeID)).Rep(),
			decText("Name", "BT-59", func(d *decState, _ any, s string) { d.inv.Payee.Name = s }),
			decGroup("SpecifiedLegalOrganization", "BT-61",
				decIDLeaf("ID", "BT-61", func(d *decState, _ any, id einvoice.ID) error {
					d.inv.Payee.LegalRegistration = id
					return nil
				})),
			decURI("EXT-FR-FE-29", func(d *decState, _ any) *einvoice.ElectronicAddress { return &d.inv.Payee.ElectronicAddress }),
		).Opens(func(d *decState, ctx any) any {
			d.inv.Payee = new(einvoice.Payee)
			return ctx
		}),
		decExtParty("PayerTradeParty", "EXT-FR-FE-BG-02", func(d *decState, _ any) **einvoice.Party { return &d.inv.Payer }),
		decGroup("SpecifiedTradeSettlementPaymentMeans", "BG-16",
			decCode("TypeCode", "BT-81", func(d *decState, _ any, s string) { pm(d).typeCode = s }),
			decLeaf(decNSRAM, "Information", "BT-82", func(d *decState, _ any, text []byte, _ *decFrame) error {
				pm(d).info, pm(d).hasInfo, pm(d).infoLoc = string(text), true, d.CaptureTop()
				return nil
			}),
			decGroup("ApplicableTradeSettlementFinancialCard", "BG-18",
				decText("ID", "BT-87", func(d *decState, _ any, s string) { pm(d).card.PrimaryAccountNumber = s }),
				decText("CardholderName", "BT-88", func(d *decState, _ any, s string) { pm(d).card.HolderName = s }),
			).Opens(func(d *decState, ctx any) any {
				pm(d).cardLoc = d.CaptureTop()
				return ctx
			}),
			decGroup("PayerPartyDebtorFinancialAccount", "BT-91",
				decText("IBANID", "BT-91", func(d *decState, _ any, s string) { pm(d).debtor = s }),
			).Opens(func(d *decState, ctx any) any {
				pm(d).debtorLoc = d.CaptureTop()
				return ctx
			}),
			decGroup("PayeePartyCreditorFinancialAccount", "BG-17",
				decText("IBANID", "BT-84", func(d *decState, _ any, s string) { pm(d).iban, pm(d).hasIBAN = s, true }),
				decText("AccountName", "BT-85", func(d *decState, _ any, s string) { pm(d).accountName = s }),
				decLeaf(decNSRAM, "ProprietaryID", "BT-84", func(d *decState, _ any, text []byte, _ *decFrame) error {
					pm(d).proprietary, pm(d).hasProprietary, pm(d).proprietaryLoc = string(text), true, d.CaptureTop()
					return nil
				}),
			).Opens(func(d *decState, ctx any) any {
				pm(d).hasAccount = true
				return ctx
			}),
			decGroup("PayeeSpecifiedCreditorFinancialInstitution", "BT-86",
				decText("BICID", "BT-86", func(d *decState, _ any, s string) { pm(d).bic = s }),
			).Opens(func(d *decState, ctx any) any {
				pm(d).bicLoc = d.CaptureTop()
				return ctx
			}),
		).Rep().Opens(func(d *decState, ctx any) any {
			d.payment()
			d.b.pm = decPM{mark: d.IgnoredMark()}
			return ctx
		}).Closes(func(d *decState, _ any) error { return d.paymentMeans() }),
		decGroup("ApplicableTradeTax", "BG-23",
			decNumber("CalculatedAmount", "BT-117", "amount", func(d *decState, _ any, v decimal.Decimal) { tax(d).b.TaxAmount = v }),
			decTaxType(),
			decText("ExemptionReason", "BT-120", func(d *decState, _ any, s string) { tax(d).b.ExemptionReason = s }),
			decNumber("BasisAmount", "BT-116", "amount", func(d *decState, _ any, v decimal.Decimal) { tax(d).b.TaxableAmount = v }),
			decCode("CategoryCode", "BT-118", func(d *decState, _ any, s string) { tax(d).b.Category = einvoice.VATCategory(s) }),
			decCode("ExemptionReasonCode", "BT-121", func(d *decState, _ any, s string) {
				tax(d).b.ExemptionReasonCode = einvoice.VATEXCode(s)
			}),
			decDate("TaxPointDate", "BT-7", decNSUDT, "DateString", func(d *decState, _ any, v einvoice.Date) {
				tax(d).point, tax(d).pointLoc = v, d.CaptureTop()
			}),
			decLeaf(decNSRAM, "DueDateTypeCode", "BT-8", func(d *decState, _ any, text []byte, _ *decFrame) error {
				tax(d).code, tax(d).codeLoc = decTaxPointCode(xmlscan.Trim(text)), d.CaptureTop()
				return nil
			}),
			decNumber("RateApplicablePercent", "BT-119", "percentage", func(d *decState, _ any, v decimal.Decimal) {
				tax(d).b.Rate = decPtr(v)
			}),
		).Rep().Opens(func(d *decState, ctx any) any {
			d.b.tax = decTax{}
			return ctx
		}).Closes(func(d *decState, _ any) error { return d.tradeTax() }),
		decPeriod("BG-14 BT-73 BT-74", func(d *decState, _ any) *einvoice.Period {
			d.inv.InvoicingPeriod = new(einvoice.Period)
			return d.inv.InvoicingPeriod
		}),
		decAllowanceCharge(true),
		decLogisticsCharge(),
		decGroup("SpecifiedTradePaymentTerms", "BT-20",
			decText("Description", "BT-20", func(d *decState, _ any, s string) { d.inv.PaymentTerms = s }),
			decDateTime("DueDateDateTime", "BT-9", func(d *decState, _ any, v einvoice.Date) { d.inv.DueDate = v }),
			decText("DirectDebitMandateID", "BT-89", func(d *decState, _ any, s string) {
				if s != "" {
					d.directDebit().MandateID = s
				}
			}),
		),
		decGroup("SpecifiedTradeSettlementHeaderMonetarySummation", "BG-22",
			decNumber("LineTotalAmount", "BT-106", "amount", func(d *decState, _ any, v decimal.Decimal) { tot(d).LineNet = v }),
			decNumber("ChargeTotalAmount", "BT-108", "amount", func(d *decState, _ any, v decimal.Decimal) { tot(d).Charges = decPtr(v) }),
			decNumber("AllowanceTotalAmount", "BT-107", "amount", func(d *decState, _ any, v decimal.Decimal) { tot(d).Allowances = decPtr(v) }),
			decNumber("TaxBasisTotalAmount", "BT-109", "amount", func(d *decState, _ any, v decimal.Decimal) { tot(d).TaxExclusive = v }),
			decVATTotal("BT-110 BT-111", func(*decState) int { return -1 }),
			decNumber("RoundingAmount", "BT-114", "amount", func(d *decState, _ any, v decimal.Decimal) { tot(d).Rounding = decPtr(v) }),
			decNumber("GrandTotalAmount", "BT-112", "amount", func(d *decState, _ any, v decimal.Decimal) { tot(d).TaxInclusive = v }),
			decNumber("TotalPrepaidAmount", "BT-113", "amount", func(d *decState, _ any, v decimal.Decimal) { tot(d).Paid = decPtr(v) }),
			decNumber("DuePayableAmount", "BT-115", "amount", func(d *decState, _ any, v decimal.Decimal) { tot(d).Due = v }),
		),
		decPreceding("BG-3 BT-25 EXT-FR-FE-02 BT-26", func(d *decState, _ any) any {
			d.inv.PrecedingInvoices = append(d.inv.PrecedingInvoices, einvoice.PrecedingInvoice{})
			return &d.inv.PrecedingInvoices[len(d.inv.PrecedingInvoices)-1]
		}).Rep(),
		decGroup("ReceivableSpecifiedTradeAccountingAccount", "BT-19",
			decText("ID", "BT-19", func(d *decState, _ any, s string) { d.inv.BuyerAccountingReference = s })),
	)
}

// decTaxPointCode maps the UNTDID 2475 codes CII uses for BT-8 to the
// UNTDID 2005 codes of the model; others are kept as they are.
func decTaxPointCode(c string) einvoice.TaxPointDateCode {
	switch c {
	case "5":
		return einvoice.TaxPointInvoiceDate
	case "29":
		return einvoice.TaxPointDeliveryDate
	case "72":
		return einvoice.TaxPointPaymentDate
	}
	return einvoice.TaxPointDateCode(c)
}

// paymentMeans finishes a ram:SpecifiedTradeSettlementPaymentMeans. The
// model has one PAYMENT INSTRUCTIONS group: the first means gives its code
// and text; a later one with the same code adds its account; one with
// another code is reported.
func (d *decState) paymentMeans() error {
	m, p := &d.b.pm, d.payment()
	if !d.b.pmSeen {
		d.b.pmSeen = true
		p.MeansCode = einvoice.PaymentMeansCode(m.typeCode)
	} else if einvoice.PaymentMeansCode(m.typeCode) != p.MeansCode {
		d.DropIgnored(m.mark)
		return d.IgnoreTop(fmt.Sprintf("payment means of type %q besides the first one's %q: the model holds one payment means code", m.typeCode, p.MeansCode))
	}
	if m.hasInfo {
		switch {
		case !d.b.pmInfoSeen:
			d.b.pmInfoSeen = true
			p.MeansText = m.info
		case m.info != p.MeansText:
			if err := d.IgnoreAt(m.infoLoc, []string{"BT-82"}, "a second payment means text: the model holds one"); err != nil {
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
	if m.debtorLoc != nil && m.debtor != "" {
		dd := d.directDebit()
		switch {
		case dd.DebitedAccountID == "":
			dd.DebitedAccountID = m.debtor
		case dd.DebitedAccountID != m.debtor:
			if err := d.IgnoreAt(m.debtorLoc, []string{"BT-91"}, "a second debited account: the model holds one"); err != nil {
				return err
			}
		}
	}
	switch {
	case m.hasAccount:
		ct := einvoice.CreditTransfer{AccountID: m.iban, AccountName: m.accountName, ProviderID: m.bic}
		if !m.hasIBAN {
			ct.AccountID = m.proprietary
		} else if m.hasProprietary {
			if err := d.IgnoreAt(m.proprietaryLoc, []string{"BT-84"}, "a proprietary account identifier besides an IBAN: the model holds one account identifier"); err != nil {
				return err
			}
		}
		p.CreditTransfers = append(p.CreditTransfers, ct)
	case m.bicLoc != nil:
		return d.IgnoreAt(m.bicLoc, []string{"BT-86"}, "a payment service provider without a payee account: the model holds it in a credit transfer")
	}
	return nil
}

// tradeTax finishes a header ram:ApplicableTradeTax. The tax point date
// and its code (BT-7, BT-8) are the invoice's: a different one in a later
// breakdown is reported.
func (d *decState) tradeTax() error {
	t := &d.b.tax
	d.inv.VATBreakdown = append(d.inv.VATBreakdown, t.b)
	if t.pointLoc != nil {
		switch {
		case !d.b.pointSeen:
			d.b.pointSeen = true
			d.inv.TaxPointDate = t.point
		case t.point != d.inv.TaxPointDate:
			if err := d.IgnoreAt(t.pointLoc, []string{"BT-7"}, "a tax point date other than the first breakdown's: the model holds one"); err != nil {
				return err
			}
		}
	}
	if t.codeLoc != nil {
		switch {
		case !d.b.codeSeen:
			d.b.codeSeen = true
			d.inv.TaxPointDateCode = t.code
		case t.code != d.inv.TaxPointDateCode:
			if err := d.IgnoreAt(t.codeLoc, []string{"BT-8"}, "a tax point date code other than the first breakdown's: the model holds one"); err != nil {
				return err
			}
		}
	}
	return nil
}

// finish ends the document: the VAT totals find their currency: the
// document's (BT-110 in the invoice currency, BT-111 in the VAT accounting
// currency) and the lines' (EXT-FR-FE-181, EXT-FR-FE-182).
func (d *decState) finish() error {
	cur, taxCur := string(d.inv.Currency), string(d.inv.TaxCurrency)
	for i := range d.b.taxTotals {
		tt := &d.b.taxTotals[i]
		v := tt.v
		vat, inTax, terms := &d.inv.Totals.VAT, &d.inv.Totals.VATInTaxCurrency, []string{"BT-110", "BT-111"}
		if tt.line >= 0 {
			l := &d.inv.Lines[tt.line]
			vat, inTax, terms = &l.VATTotal, &l.VATTotalInTaxCurrency, []string{"EXT-FR-FE-181", "EXT-FR-FE-182"}
		}
		inTaxCur := taxCur != "" && tt.currency == taxCur
		inCur := tt.currency == "" || tt.currency == cur || cur == ""
		switch {
		case inTaxCur && taxCur != cur && *inTax == nil:
			*inTax = &v
		case inCur && *vat == nil:
			*vat = &v
		case inTaxCur && *inTax == nil:
			*inTax = &v
		case !inCur && !inTaxCur:
			if err := d.IgnoreAt(tt.loc, terms, fmt.Sprintf("a VAT total in %q, neither the invoice currency nor the VAT accounting currency", tt.currency)); err != nil {
				return err
			}
		default:
			if err := d.IgnoreAt(tt.loc, terms, "a second VAT total in the same currency: the model holds one"); err != nil {
				return err
			}
		}
	}
	return nil
}

// The buffers of the groups that decide when they close.
type decBuilders struct {
	// unmarkedDiscount locates a price allowance without its indicator,
	// until the line's prices confirm it.
	unmarkedDiscount *decLoc
	gross            decGrossBase
	discount         decDiscount
	ac               decAC
	tax              decTax
	ard              decARD
	pm               decPM
	contact          decContact
	taxTotals        []decTaxTotal
	pmSeen           bool
	pmInfoSeen       bool
	pointSeen        bool
	codeSeen         bool
}

type decInd struct{ has, val bool }

type decGrossBase struct {
	has  bool
	qty  decimal.Decimal
	unit string
	loc  *decLoc
}

type decDiscount struct {
	ind    decInd
	amount *decimal.Decimal
	mark   int
}

// decAC is an allowance or charge being read: its indicator, and the
// allowance or charge it makes (Charge set from the indicator at the end).
type decAC struct {
	ind decInd
	xmlscan.AllowanceCharge
}

type decTax struct {
	b                 einvoice.VATBreakdown
	point             einvoice.Date
	pointLoc, codeLoc *decLoc
	code              einvoice.TaxPointDateCode
}

type decARD struct {
	id, typeCode, refType, uri, name, mime, filename string
	bin                                              []byte
	uriLoc, nameLoc, binLoc, refLoc                  *decLoc
	mark                                             int
}

type decPM struct {
	typeCode, info      string
	hasInfo             bool
	infoLoc             *decLoc
	card                einvoice.PaymentCard
	cardLoc             *decLoc
	debtor              string
	debtorLoc           *decLoc
	hasAccount, hasIBAN bool
	iban, accountName   string
	proprietary         string
	hasProprietary      bool
	proprietaryLoc      *decLoc
	bic                 string
	bicLoc              *decLoc
	mark                int
}

type decContact struct {
	c                  *einvoice.Contact
	person, dept       string
	hasPerson, hasDept bool
	deptLoc            *decLoc
}

type decTaxTotal struct {
	v        decimal.Decimal
	currency string
	loc      *decLoc
	line     int // the index of its line, or -1 for the document's
}

// Values.

// date parses a date of format 102 (YYYYMMDD), the only one the model
// holds.
func (d *decState) date(text []byte, f *decFrame) (einvoice.Date, error) {
	if format := strings.Trim(f.Attr[0], xmlscan.Space); format != "" && format != "102" {
		return einvoice.Date{}, d.Fail("date format %q is not supported: want 102 (YYYYMMDD)", format)
	}
	v, ok := xmlscan.ParseDate102(xmlscan.TrimBytes(text))
	if !ok {
		return v, d.Fail("bad date %q: want an existing date as YYYYMMDD", xmlscan.Show(text))
	}
	return v, nil
}
