package validate_test

import (
	"slices"
	"strings"

	"github.com/einvoice-go/einvoice"
	"github.com/shopspring/decimal"
)

// extendedBase reports whether inv is written in an EXTENDED profile,
// the only ones that carry the EXT-FR-FE terms.
func extendedBase(inv *einvoice.Invoice) bool {
	switch einvoice.FacturXProfile(inv.Process.Specification) {
	case "extended", "extended-ctc-fr":
		return true
	}
	return false
}

// carriesObject reports whether inv's profile carries the invoiced
// object identifier (BT-18): EN 16931 and EXTENDED.
func carriesObject(inv *einvoice.Invoice) bool {
	return einvoice.FacturXProfile(inv.Process.Specification) == "en16931" || extendedBase(inv)
}

// extParty is a valid party of the EXTENDED profile: a SIRET (scheme
// 0009) starting with its SIREN (scheme 0002), an electronic address of
// scheme 0225.
func extParty(name string) *einvoice.Party {
	return &einvoice.Party{
		Name:              name,
		Identifiers:       []einvoice.ID{{Value: "52971234100013", Scheme: einvoice.ICDSIRET}},
		LegalRegistration: einvoice.ID{Value: "529712341", Scheme: einvoice.ICDSIREN},
		VATID:             "FR03529712341",
		ElectronicAddress: einvoice.ElectronicAddress{Value: "529712341_factures", Scheme: "0225"},
		Address:           &einvoice.Address{Line1: "12 rue des Acacias", City: "Pointe-à-Pitre", PostCode: "97110", Country: einvoice.CountryFR},
	}
}

// frExtMutations break (or keep, at a boundary) the French rules on the
// EXTENDED terms, on the EXTENDED bases only.
func frExtMutations() []mutation {
	var ms []mutation
	ext := func(name string, f func(inv *einvoice.Invoice) bool) {
		ms = append(ms, frM("ext-"+name, func(inv *einvoice.Invoice) bool { return extendedBase(inv) && f(inv) }))
	}
	roles := []struct {
		name string
		set  func(inv *einvoice.Invoice, p *einvoice.Party)
	}{
		{"buyer-agent", func(inv *einvoice.Invoice, p *einvoice.Party) { inv.BuyerAgent = p }},
		{"payer", func(inv *einvoice.Invoice, p *einvoice.Party) { inv.Payer = p }},
		{"sales-agent", func(inv *einvoice.Invoice, p *einvoice.Party) { inv.SalesAgent = p }},
		{"invoicee", func(inv *einvoice.Invoice, p *einvoice.Party) { inv.Invoicee = p }},
		{"invoicer", func(inv *einvoice.Invoice, p *einvoice.Party) { inv.Invoicer = p }},
	}
	for _, r := range roles {
		party := func(f func(p *einvoice.Party)) func(inv *einvoice.Invoice) bool {
			return func(inv *einvoice.Invoice) bool {
				p := extParty("Tiers " + r.name)
				f(p)
				r.set(inv, p)
				return true
			}
		}
		ext(r.name+"-valid", party(func(*einvoice.Party) {}))
		ext(r.name+"-siret-other-siren", party(func(p *einvoice.Party) { p.Identifiers[0].Value = "40483304800022" }))
		ext(r.name+"-siret-13", party(func(p *einvoice.Party) {
			p.Identifiers[0].Value = "5297123410001"
			p.LegalRegistration = einvoice.ID{}
		}))
		ext(r.name+"-siret-own-siren", party(func(p *einvoice.Party) { p.LegalRegistration = einvoice.ID{} }))
		ext(r.name+"-second-siret", party(func(p *einvoice.Party) {
			p.Identifiers = append(p.Identifiers, einvoice.ID{Value: "52971234100021", Scheme: einvoice.ICDSIRET})
		}))
		ext(r.name+"-address-space", party(func(p *einvoice.Party) { p.ElectronicAddress.Value = "529712341 factures" }))
		ext(r.name+"-address-126", party(func(p *einvoice.Party) { p.ElectronicAddress.Value = strings.Repeat("a", 126) }))
		ext(r.name+"-address-125-other-scheme", party(func(p *einvoice.Party) {
			p.ElectronicAddress = einvoice.ElectronicAddress{Value: "x@" + strings.Repeat("b", 123), Scheme: "EM"}
		}))
	}
	payee := func(addr einvoice.ElectronicAddress) func(inv *einvoice.Invoice) bool {
		return func(inv *einvoice.Invoice) bool {
			p := einvoice.Payee{Name: "Affacturage Antilles"}
			if inv.Payee != nil {
				p = *inv.Payee
			}
			p.ElectronicAddress = addr
			inv.Payee = &p
			return true
		}
	}
	ext("payee-address-valid", payee(einvoice.ElectronicAddress{Value: "404833048_paiements", Scheme: "0225"}))
	ext("payee-address-hash", payee(einvoice.ElectronicAddress{Value: "404833048#p", Scheme: "0225"}))
	ext("payee-address-126", payee(einvoice.ElectronicAddress{Value: strings.Repeat("7", 126), Scheme: "0225"}))
	for _, tc := range []einvoice.DocumentTypeCode{"380", "381", "999", "326"} {
		ext("preceding-type-"+string(tc), func(inv *einvoice.Invoice) bool {
			inv.PrecedingInvoices = []einvoice.PrecedingInvoice{{Number: "FA-2026-0007", IssueDate: date(2026, 2, 1), TypeCode: tc}}
			return true
		})
	}
	linePreceding := func(p einvoice.PrecedingInvoice) func(inv *einvoice.Invoice) bool {
		return func(inv *einvoice.Invoice) bool {
			return onFirstLine(inv, func(l *einvoice.Line) { l.PrecedingInvoice = &p })
		}
	}
	ext("line-preceding-valid", linePreceding(einvoice.PrecedingInvoice{Number: "FA-2026-0007", IssueDate: date(2026, 2, 1), TypeCode: "380"}))
	ext("line-preceding-36", linePreceding(einvoice.PrecedingInvoice{Number: strings.Repeat("F", 36), IssueDate: date(2026, 2, 1)}))
	ext("line-preceding-35", linePreceding(einvoice.PrecedingInvoice{Number: strings.Repeat("F", 35), IssueDate: date(2026, 2, 1)}))
	ext("line-preceding-space", linePreceding(einvoice.PrecedingInvoice{Number: "FA 7", IssueDate: date(2026, 2, 1)}))
	ext("line-preceding-1999", linePreceding(einvoice.PrecedingInvoice{Number: "FA-7", IssueDate: date(1999, 12, 31)}))
	ext("line-preceding-2100", linePreceding(einvoice.PrecedingInvoice{Number: "FA-7", IssueDate: date(2100, 1, 1)}))
	ext("line-preceding-type-999", linePreceding(einvoice.PrecedingInvoice{Number: "FA-7", IssueDate: date(2026, 2, 1), TypeCode: "999"}))
	ext("line-preceding-type-384", linePreceding(einvoice.PrecedingInvoice{Number: "FA-7", IssueDate: date(2026, 2, 1), TypeCode: "384"}))
	lineDelivery := func(d einvoice.Delivery) func(inv *einvoice.Invoice) bool {
		return func(inv *einvoice.Invoice) bool {
			return onFirstLine(inv, func(l *einvoice.Line) { l.Delivery = &d })
		}
	}
	ext("line-delivery-valid", lineDelivery(einvoice.Delivery{PartyName: "Entrepôt Jarry", LocationID: einvoice.ID{Value: "52971234100021", Scheme: einvoice.ICDSIRET}, Date: date(2026, 3, 2)}))
	ext("line-delivery-1999", lineDelivery(einvoice.Delivery{Date: date(1999, 3, 2)}))
	ext("line-delivery-siret-15", lineDelivery(einvoice.Delivery{PartyName: "Entrepôt", LocationID: einvoice.ID{Value: "529712341000210", Scheme: einvoice.ICDSIRET}}))
	ext("line-delivery-gln", lineDelivery(einvoice.Delivery{LocationID: einvoice.ID{Value: "3014531200102", Scheme: "0088"}, Date: date(2026, 3, 2)}))
	attr := func(a einvoice.ItemAttribute) func(inv *einvoice.Invoice) bool {
		return func(inv *einvoice.Invoice) bool {
			return onFirstLine(inv, func(l *einvoice.Line) {
				l.Item.Attributes = append(slices.Clone(l.Item.Attributes), a)
			})
		}
	}
	kg := &einvoice.Measure{Value: decimal.RequireFromString("2.500"), Unit: "KGM"}
	ext("attribute-code", attr(einvoice.ItemAttribute{Name: "Couleur", Value: "Bleu", TypeCode: "COL"}))
	ext("attribute-code-blank", attr(einvoice.ItemAttribute{Name: "Couleur", Value: "Bleu", TypeCode: " "}))
	ext("attribute-measure", attr(einvoice.ItemAttribute{Name: "Poids", Measure: kg}))
	ext("attribute-measure-and-value", attr(einvoice.ItemAttribute{Name: "Poids", Value: "2,5 kg", Measure: kg}))
	ext("attribute-measure-no-unit", attr(einvoice.ItemAttribute{Name: "Poids", Measure: &einvoice.Measure{Value: decimal.RequireFromString("2.5")}}))
	ext("attribute-code-no-name", attr(einvoice.ItemAttribute{TypeCode: "COL", Value: "Bleu"}))
	ext("attribute-no-name-no-code", attr(einvoice.ItemAttribute{Value: "Bleu"}))
	ext("attribute-none", attr(einvoice.ItemAttribute{Name: "Poids"}))
	credit := func(each func(i int, l *einvoice.Line)) func(inv *einvoice.Invoice) bool {
		return func(inv *einvoice.Invoice) bool {
			inv.TypeCode = "381"
			inv.PrecedingInvoices = nil
			inv.Lines = slices.Clone(inv.Lines)
			for i := range inv.Lines {
				each(i, &inv.Lines[i])
			}
			return len(inv.Lines) > 1
		}
	}
	ext("credit-line-references", credit(func(_ int, l *einvoice.Line) {
		l.PrecedingInvoice = &einvoice.PrecedingInvoice{Number: "FA-2026-0007", IssueDate: date(2026, 2, 1)}
	}))
	ext("credit-line-reference-missing", credit(func(i int, l *einvoice.Line) {
		if i > 0 {
			l.PrecedingInvoice = &einvoice.PrecedingInvoice{Number: "FA-2026-0007", IssueDate: date(2026, 2, 1)}
		}
	}))
	ext("credit-line-reference-no-date", credit(func(_ int, l *einvoice.Line) {
		l.PrecedingInvoice = &einvoice.PrecedingInvoice{Number: "FA-2026-0007"}
	}))
	ext("buyer-two-sirets", func(inv *einvoice.Invoice) bool {
		b := &inv.Buyer
		if b.LegalRegistration.Scheme != einvoice.ICDSIREN {
			return false
		}
		siret := b.LegalRegistration.Value + "00013"
		b.Identifiers = []einvoice.ID{{Value: siret, Scheme: einvoice.ICDSIRET}, {Value: b.LegalRegistration.Value + "00021", Scheme: einvoice.ICDSIRET}}
		return true
	})
	ext("buyer-siret-and-routing", func(inv *einvoice.Invoice) bool {
		b := &inv.Buyer
		if b.LegalRegistration.Scheme != einvoice.ICDSIREN {
			return false
		}
		b.Identifiers = []einvoice.ID{{Value: b.LegalRegistration.Value + "00013", Scheme: einvoice.ICDSIRET}, {Value: "SERVICE-FIN", Scheme: einvoice.ICDFrenchRouting}}
		return true
	})
	ms = append(ms,
		frM("seller-address-email-126", func(inv *einvoice.Invoice) bool {
			inv.Seller.ElectronicAddress = einvoice.ElectronicAddress{Value: strings.Repeat("s", 115) + "@example.fr", Scheme: "EM"}
			return true
		}),
		frM("object-avv-blank", func(inv *einvoice.Invoice) bool {
			inv.InvoicedObject = einvoice.ObjectID{Value: " ", Scheme: "AVV"}
			return carriesObject(inv)
		}),
		frM("allowance-20-digits", func(inv *einvoice.Invoice) bool {
			inv.Allowances = append(slices.Clone(inv.Allowances), einvoice.Allowance{Amount: decimal.RequireFromString("123456789012345678.90"), BaseAmount: pdec("923456789012345678.90"), VAT: einvoice.VAT{Category: "S", Rate: pdec("20")}, Reason: "Remise"})
			inv.VATBreakdown = nil
			return complete(inv)
		}),
		frM("charge-20-digits", func(inv *einvoice.Invoice) bool {
			inv.Charges = append(slices.Clone(inv.Charges), einvoice.Charge{Amount: decimal.RequireFromString("123456789012345678.90"), VAT: einvoice.VAT{Category: "S", Rate: pdec("20")}, Reason: "Port"})
			inv.VATBreakdown = nil
			return complete(inv)
		}),
		frM("paid-rounding-20-digits", func(inv *einvoice.Invoice) bool {
			inv.Totals.Paid, inv.Totals.Rounding = pdec("123456789012345678.90"), pdec("-123456789012345678.90")
			return complete(inv)
		}),
		frM("vat-20-digits", func(inv *einvoice.Invoice) bool {
			ok := onFirstLine(inv, func(l *einvoice.Line) {
				l.Quantity, l.Price.Net, l.Price.Gross, l.Price.Discount = decimal.New(1, 0), decimal.RequireFromString("9876543210987654321"), nil, nil
				l.VAT = einvoice.VAT{Category: "S", Rate: pdec("20")}
			})
			if ok && inv.TaxCurrency != "" && inv.Totals.VAT != nil {
				inv.Totals.VATInTaxCurrency = new(inv.Totals.VAT.Mul(decimal.RequireFromString("0.9")).Round(2))
			}
			return ok
		}),
		frM("line-allowance-20-digits", func(inv *einvoice.Invoice) bool {
			return onFirstLine(inv, func(l *einvoice.Line) {
				l.Allowances = append(slices.Clone(l.Allowances), einvoice.LineAllowance{Amount: decimal.RequireFromString("123456789012345678.90"), BaseAmount: pdec("923456789012345678.90"), Reason: "Remise"})
			})
		}),
		frM("price-20-digits", func(inv *einvoice.Invoice) bool {
			return onFirstLine(inv, func(l *einvoice.Line) {
				l.Quantity, l.Price.Net, l.Price.Gross, l.Price.Discount = decimal.New(1, 0), decimal.RequireFromString("123456789012345678.5"), nil, nil
			})
		}),
	)
	return ms
}
