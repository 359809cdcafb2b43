package einvoice_test

import (
	"time"

	"github.com/einvoice-go/einvoice"
	"github.com/shopspring/decimal"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func decp(s string) *decimal.Decimal {
	d := decimal.RequireFromString(s)
	return &d
}

// fullInvoice returns an invoice that uses every business term of
// EN 16931, with the derived figures not yet computed.
func fullInvoice() einvoice.Invoice {
	return einvoice.Invoice{
		Number:                   "F-2026-0042",
		IssueDate:                einvoice.NewDate(2026, time.November, 25),
		TypeCode:                 einvoice.CommercialInvoice,
		Currency:                 einvoice.CurrencyEUR,
		TaxCurrency:              einvoice.CurrencyCode("USD"),
		TaxPointDateCode:         einvoice.TaxPointInvoiceDate,
		DueDate:                  einvoice.NewDate(2026, time.December, 25),
		BuyerReference:           "SERV-FIN-01",
		ProjectReference:         "PRJ-7",
		ContractReference:        "MARCHE-2026-11",
		PurchaseOrderReference:   "EJ-2026-004512",
		SalesOrderReference:      "SO-991",
		ReceivingAdviceReference: "RA-12",
		DespatchAdviceReference:  "DA-34",
		TenderOrLotReference:     "LOT-2",
		InvoicedObject:           einvoice.ObjectID{Value: "METER-778", Scheme: einvoice.ReferenceCode("AVV")},
		BuyerAccountingReference: "6063-FOURNITURES",
		PaymentTerms:             "Paiement à 30 jours",
		Notes: []einvoice.Note{
			{SubjectCode: einvoice.SubjectPMT, Text: "Indemnité forfaitaire pour frais de recouvrement : 40 €"},
			{SubjectCode: einvoice.SubjectPMD, Text: "Pénalités de retard : trois fois le taux d'intérêt légal"},
			{SubjectCode: einvoice.SubjectAAB, Text: "Pas d'escompte pour paiement anticipé"},
			{Text: "Livraison & installation <incluses>"},
		},
		Process:           einvoice.ProcessControl{BusinessProcess: "B1", Specification: "urn:cen.eu:en16931:2017"},
		PrecedingInvoices: []einvoice.PrecedingInvoice{{Number: "F-2026-0031", IssueDate: einvoice.NewDate(2026, time.October, 2)}},
		Seller: einvoice.Seller{
			Name:                "Atelier Dupont SAS",
			TradingName:         "Atelier Dupont",
			Identifiers:         []einvoice.ID{{Value: "73282932000074", Scheme: einvoice.ICDSIRET}},
			LegalRegistration:   einvoice.ID{Value: "732829320", Scheme: einvoice.ICDSIREN},
			VATID:               "FR44732829320",
			TaxRegistration:     "TAX-001",
			AdditionalLegalInfo: "SAS au capital de 10 000 €",
			ElectronicAddress:   einvoice.ElectronicAddress{Value: "732829320", Scheme: einvoice.EAS0225},
			Address: einvoice.Address{Line1: "12 rue des Tanneurs", Line2: "Bâtiment B", Line3: "3e étage",
				City: "Lyon", PostCode: "69002", Subdivision: "Auvergne-Rhône-Alpes", Country: einvoice.CountryFR},
			Contact: &einvoice.Contact{Name: "Claire Dupont", Phone: "+33 4 72 00 00 00", Email: "compta@atelier-dupont.fr"},
		},
		Buyer: einvoice.Buyer{
			Name:              "Université de Lyon",
			TradingName:       "UdL",
			Identifier:        einvoice.ID{Value: "13002526500013", Scheme: einvoice.ICDSIRET},
			LegalRegistration: einvoice.ID{Value: "130025265", Scheme: einvoice.ICDSIREN},
			VATID:             "FR04130025265",
			ElectronicAddress: einvoice.ElectronicAddress{Value: "13002526500013", Scheme: einvoice.EAS0009},
			Address:           einvoice.Address{Line1: "92 rue Pasteur", City: "Lyon", PostCode: "69007", Country: einvoice.CountryFR},
			Contact:           &einvoice.Contact{Name: "Service financier", Email: "factures@univ-lyon.fr"},
		},
		Payee: &einvoice.Payee{
			Name:              "Factor Finance SA",
			Identifier:        einvoice.ID{Value: "FR12ZZZ123456", Scheme: einvoice.ICDCode("SEPA")},
			LegalRegistration: einvoice.ID{Value: "552081317", Scheme: einvoice.ICDSIREN},
		},
		TaxRepresentative: &einvoice.TaxRepresentative{
			Name:    "Représentant Fiscal SARL",
			VATID:   "FR61529284002",
			Address: einvoice.Address{Line1: "1 place Bellecour", City: "Lyon", PostCode: "69002", Country: einvoice.CountryFR},
		},
		Delivery: &einvoice.Delivery{
			PartyName:  "Université de Lyon, bâtiment Lumière",
			LocationID: einvoice.ID{Value: "3012345000010", Scheme: einvoice.ICDGLN},
			Date:       einvoice.NewDate(2026, time.November, 20),
			Address:    &einvoice.Address{Line1: "5 avenue Pierre Mendès France", City: "Bron", PostCode: "69500", Country: einvoice.CountryFR},
		},
		InvoicingPeriod: &einvoice.Period{Start: einvoice.NewDate(2026, time.November, 1), End: einvoice.NewDate(2026, time.November, 30)},
		Payment: &einvoice.PaymentInstructions{
			MeansCode:       einvoice.PaymentMeansCreditTransfer,
			MeansText:       "Virement",
			RemittanceInfo:  "F-2026-0042",
			CreditTransfers: []einvoice.CreditTransfer{{AccountID: "FR7630006000011234567890189", AccountName: "Atelier Dupont", ProviderID: "AGRIFRPPXXX"}},
			Card:            &einvoice.PaymentCard{PrimaryAccountNumber: "1234", HolderName: "C DUPONT"},
			DirectDebit:     &einvoice.DirectDebit{MandateID: "MANDAT-1", CreditorID: "FR12ZZZ123456", DebitedAccountID: "FR7612345987650123456789014"},
		},
		Allowances: []einvoice.Allowance{{
			BaseAmount: decp("200.00"), Percentage: decp("5"),
			VAT:    einvoice.VAT{Category: einvoice.VATStandard, Rate: decp("20")},
			Reason: "Remise fidélité", ReasonCode: einvoice.AllowanceReasonDiscount,
		}},
		Charges: []einvoice.Charge{{
			Amount: dec("15.00"),
			VAT:    einvoice.VAT{Category: einvoice.VATStandard, Rate: decp("20")},
			Reason: "Frais de port", ReasonCode: einvoice.ChargeReasonCode("FC"),
		}},
		Totals: einvoice.Totals{VATInTaxCurrency: decp("51.20"), Paid: decp("50.00"), Rounding: decp("0.01")},
		VATBreakdown: []einvoice.VATBreakdown{
			{Category: einvoice.VATExempt, Rate: decp("0"), ExemptionReason: "Exonération, article 261 du CGI", ExemptionReasonCode: einvoice.VATEXCode("VATEX-FR-CGI261-4")},
		},
		Attachments: []einvoice.Attachment{
			{ID: "BL-34", Description: "Bon de livraison", Content: []byte("%PDF-1.7 minimal"), MIMECode: einvoice.MIMEPDF, Filename: "bl-34.pdf"},
			{ID: "TS-1", Description: "Relevé d'heures", ExternalLocation: "https://example.org/ts-1.csv"},
		},
		Lines: []einvoice.Line{
			{
				ID: "1", Note: "Papier recyclé", Object: einvoice.ObjectID{Value: "LOT-44", Scheme: einvoice.ReferenceCode("AVV")},
				Quantity: dec("250"), Unit: einvoice.UnitC62,
				OrderLineReference: "10", BuyerAccountingReference: "6064",
				Period:     &einvoice.Period{Start: einvoice.NewDate(2026, time.November, 1), End: einvoice.NewDate(2026, time.November, 15)},
				Allowances: []einvoice.LineAllowance{{Percentage: decp("10"), Reason: "Remise quantité", ReasonCode: einvoice.AllowanceReasonDiscount}},
				Charges:    []einvoice.LineCharge{{Amount: dec("2.50"), Reason: "Emballage", ReasonCode: einvoice.ChargeReasonCode("ABL")}},
				Price:      einvoice.Price{Discount: decp("0.5000"), Gross: decp("13.0000"), BaseQuantity: decp("100"), BaseUnit: einvoice.UnitC62},
				VAT:        einvoice.VAT{Category: einvoice.VATStandard, Rate: decp("20")},
				Item: einvoice.Item{
					Name: "Ramette A4 80 g", Description: "Ramette de 500 feuilles, « recyclée » & blanchie sans chlore",
					SellerID: "RAM-A4-80", BuyerID: "FOUR-118",
					StandardID:      einvoice.ID{Value: "03012345678908", Scheme: einvoice.ICDCode("0160")},
					Classifications: []einvoice.Classification{{Value: "30197630-1", Scheme: einvoice.ClassificationScheme("STI"), SchemeVersion: "2008"}},
					OriginCountry:   einvoice.CountryFR,
					Attributes:      []einvoice.ItemAttribute{{Name: "Grammage", Value: "80 g/m²"}},
				},
			},
			{
				ID: "2", Quantity: dec("3"), Unit: einvoice.UnitCode("HUR"),
				Price: einvoice.Price{Net: dec("62.5000")},
				VAT:   einvoice.VAT{Category: einvoice.VATStandard, Rate: decp("20")},
				Item:  einvoice.Item{Name: "Installation"},
			},
			{
				ID: "3", Quantity: dec("1"), Unit: einvoice.UnitC62,
				Price: einvoice.Price{Net: dec("80")},
				VAT:   einvoice.VAT{Category: einvoice.VATExempt},
				Item:  einvoice.Item{Name: "Formation des agents"},
			},
		},
	}
}
