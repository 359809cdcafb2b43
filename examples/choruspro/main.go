// Command choruspro builds an invoice from a French supplier to a French
// public buyer, as Chorus Pro (the portal through which suppliers of French
// public entities send their invoices) expects it, completes it, and prints
// its computed totals.
//
// What makes it a Chorus Pro invoice:
//
//   - the buyer is identified by its SIRET (BT-46, scheme 0009), which is
//     also its electronic address (BT-49, scheme 0009);
//   - the buyer reference (BT-10) carries the buyer's service code, and the
//     purchase order reference (BT-13) its engagement number;
//   - the seller has its SIRET (BT-29, scheme 0009), its SIREN as legal
//     registration (BT-30, scheme 0002) and its French VAT number (BT-31);
//   - the business process (BT-23) is the billing framework code of the
//     French reform, B1 for an invoice for goods;
//   - the notes carry the mentions French law requires, with the subject
//     codes of the French CIUS: PMT (the 40 € recovery fee), PMD (late
//     payment penalties) and AAB (no discount for early payment);
//   - payment by credit transfer (30) to an IBAN.
//
// Run it with:
//
//	go run ./examples/choruspro [-o DIR]
//
// It writes the invoice as a Factur-X PDF/A-3B (drawn with French labels,
// carrying the CII) to DIR/invoice.pdf, as CII XML in the Factur-X EN 16931
// profile to DIR/invoice-cii.xml and as UBL 2.1 to DIR/invoice-ubl.xml (DIR
// is out/choruspro by default). A later version will also validate it
// against the French and Chorus Pro rules.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/einvoice-go/einvoice"
	"github.com/einvoice-go/einvoice/cii"
	"github.com/einvoice-go/einvoice/facturx"
	"github.com/einvoice-go/einvoice/ubl"
	"github.com/shopspring/decimal"
)

// The parties' identifiers. The SIRENs and SIRETs pass the Luhn check, the
// VAT number's key is that of the SIREN, and the IBAN's check digits are
// right (main_test.go checks all four); they belong to no real company.
const (
	sellerSIREN = "842159378"
	sellerSIRET = sellerSIREN + "00020" // establishment 0002, Luhn digit 0
	sellerVAT   = "FR44842159378"       // key (12 + 3 × (842159378 mod 97)) mod 97 = 44

	buyerSIRET = "21990042000015" // SIREN 219900420, establishment 0001, Luhn digit 5

	sellerIBAN = "FR7612345000100009876543259"
	sellerBIC  = "EXBKFRPPXXX"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func decp(s string) *decimal.Decimal {
	d := decimal.RequireFromString(s)
	return &d
}

// vatS is the standard rated VAT category S at the given rate.
func vatS(rate string) einvoice.VAT {
	return einvoice.VAT{Category: einvoice.VATStandard, Rate: decp(rate)}
}

// buildInvoice returns the invoice, with the derived figures not yet
// computed: the line net amounts, the VAT breakdown and the totals are for
// Complete.
func buildInvoice() einvoice.Invoice {
	return einvoice.Invoice{
		Number:    "FA-2026-000123",
		IssueDate: einvoice.NewDate(2026, time.March, 16),
		TypeCode:  einvoice.CommercialInvoice,
		Currency:  einvoice.CurrencyEUR,
		DueDate:   einvoice.NewDate(2026, time.April, 15),
		// The buyer's service code and engagement number, as its Chorus Pro
		// directory entry and its purchase order give them.
		BuyerReference:         "SERV-FIN-01",
		PurchaseOrderReference: "EJ-2026-004512",
		PaymentTerms:           "Paiement à 30 jours à compter de la date de facture, par virement.",
		Notes: []einvoice.Note{
			{SubjectCode: einvoice.SubjectPMT, Text: "En cas de retard de paiement, une indemnité forfaitaire de 40 € pour frais de recouvrement est due (art. L441-10 du Code de commerce)."},
			{SubjectCode: einvoice.SubjectPMD, Text: "Tout retard de paiement entraîne des pénalités égales à trois fois le taux d'intérêt légal, exigibles dès le lendemain de l'échéance."},
			{SubjectCode: einvoice.SubjectAAB, Text: "Aucun escompte n'est accordé en cas de paiement anticipé."},
		},
		Process: einvoice.ProcessControl{BusinessProcess: "B1"}, // goods, plain invoice
		Seller: einvoice.Seller{
			Name:                "Fournitures Exemple SAS",
			Identifiers:         []einvoice.ID{{Value: sellerSIRET, Scheme: einvoice.ICDSIRET}},
			LegalRegistration:   einvoice.ID{Value: sellerSIREN, Scheme: einvoice.ICDSIREN},
			VATID:               sellerVAT,
			AdditionalLegalInfo: "SAS au capital de 50 000 €, RCS Lyon " + sellerSIREN,
			ElectronicAddress:   einvoice.ElectronicAddress{Value: sellerSIREN, Scheme: einvoice.EAS0225},
			Address: einvoice.Address{
				Line1:    "12 rue de l'Exemple",
				City:     "Lyon",
				PostCode: "69003",
				Country:  einvoice.CountryFR,
			},
			Contact: &einvoice.Contact{Name: "Service comptabilité", Email: "factures@fournitures-exemple.fr"},
		},
		Buyer: einvoice.Buyer{
			Name:              "Commune de Saint-Exemple",
			Identifiers:       []einvoice.ID{{Value: buyerSIRET, Scheme: einvoice.ICDSIRET}},
			ElectronicAddress: einvoice.ElectronicAddress{Value: buyerSIRET, Scheme: einvoice.EAS0009},
			Address: einvoice.Address{
				Line1:    "Hôtel de ville, 1 place de la Mairie",
				City:     "Saint-Exemple",
				PostCode: "99990",
				Country:  einvoice.CountryFR,
			},
		},
		Payment: &einvoice.PaymentInstructions{
			MeansCode:      einvoice.PaymentMeansCreditTransfer,
			RemittanceInfo: "FA-2026-000123",
			CreditTransfers: []einvoice.CreditTransfer{{
				AccountID:   sellerIBAN,
				AccountName: "Fournitures Exemple SAS",
				ProviderID:  sellerBIC,
			}},
		},
		Charges: []einvoice.Charge{{
			Amount:     dec("35.00"),
			VAT:        vatS("20"),
			Reason:     "Frais de livraison",
			ReasonCode: einvoice.ChargeReasonFreight,
		}},
		Lines: []einvoice.Line{
			{
				ID:       "1",
				Quantity: dec("40"),
				Unit:     einvoice.UnitC62,
				Price:    einvoice.Price{Net: dec("4.35")},
				VAT:      vatS("20"),
				Item:     einvoice.Item{Name: "Papier A4 80 g, ramette de 500 feuilles"},
			},
			{
				ID:       "2",
				Quantity: dec("12"),
				Unit:     einvoice.UnitH87,
				Price:    einvoice.Price{Net: dec("38.90")},
				// 10 % off the line: Complete computes the amount.
				Allowances: []einvoice.LineAllowance{{
					Percentage: decp("10"),
					Reason:     "Remise quantitative",
					ReasonCode: einvoice.AllowanceReasonDiscount,
				}},
				VAT:  vatS("20"),
				Item: einvoice.Item{Name: "Cartouche d'encre noire"},
			},
			{
				ID:       "3",
				Quantity: dec("6"),
				Unit:     einvoice.UnitMTQ,
				Price:    einvoice.Price{Net: dec("85.00")},
				VAT:      vatS("10"),
				Item:     einvoice.Item{Name: "Bois de chauffage (stère)", Description: "Pour la salle des fêtes"},
			},
			{
				ID:       "4",
				Quantity: dec("25"),
				Unit:     einvoice.UnitC62,
				Price:    einvoice.Price{Net: dec("18.90")},
				VAT:      vatS("5.5"),
				Item:     einvoice.Item{Name: "Livres jeunesse pour la médiathèque"},
			},
			{
				ID:       "5",
				Quantity: dec("30"),
				Unit:     einvoice.UnitC62,
				Price:    einvoice.Price{Net: dec("12.45")},
				VAT:      vatS("5.5"),
				Item:     einvoice.Item{Name: "Jus de pomme bio, carton de 6 bouteilles", Description: "Restauration scolaire"},
			},
			{
				ID:       "6",
				Quantity: dec("1500"),
				Unit:     einvoice.UnitC62,
				Price:    einvoice.Price{Net: dec("0.0845")}, // a price keeps its 4 decimals
				VAT:      vatS("20"),
				Item:     einvoice.Item{Name: "Gobelet compostable 20 cl"},
			},
		},
	}
}

// run builds and completes the invoice and writes its totals to w.
func run(w io.Writer, dir string) error {
	inv := buildInvoice()
	if err := inv.Complete(); err != nil {
		return err
	}
	if _, err := w.Write(totalsTable(&inv)); err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	var xml bytes.Buffer
	if _, err := (&cii.Encoder{Profile: cii.EN16931}).Encode(&xml, &inv); err != nil {
		return err
	}
	path := filepath.Join(dir, "invoice-cii.xml")
	if err := os.WriteFile(path, xml.Bytes(), 0o644); err != nil {
		return err
	}
	var u bytes.Buffer
	if err := ubl.Encode(&u, &inv); err != nil {
		return err
	}
	upath := filepath.Join(dir, "invoice-ubl.xml")
	if err := os.WriteFile(upath, u.Bytes(), 0o644); err != nil {
		return err
	}
	// The Factur-X PDF/A-3B: the invoice drawn on A4 pages with French
	// labels, carrying the same CII as invoice-cii.xml.
	var pdf bytes.Buffer
	if err := facturx.Create(&pdf, &inv, &facturx.Options{Profile: cii.EN16931, Time: time.Now()}); err != nil {
		return err
	}
	ppath := filepath.Join(dir, "invoice.pdf")
	if err := os.WriteFile(ppath, pdf.Bytes(), 0o644); err != nil {
		return err
	}
	// A later version writes the validation report here.
	_, err := fmt.Fprintf(w, "\nFactur-X PDF/A-3B:        %s\nCII (Factur-X EN 16931): %s\nUBL 2.1:                  %s\n", ppath, path, upath)
	return err
}

// totalsTable is the computed VAT breakdown and document totals of a
// completed invoice, as an aligned table.
func totalsTable(inv *einvoice.Invoice) []byte {
	var b bytes.Buffer
	cur := string(inv.Currency)
	fmt.Fprintf(&b, "Invoice %s of %s to %s, due %s\n", inv.Number, inv.IssueDate, inv.Buyer.Name, inv.DueDate)
	fmt.Fprintf(&b, "Service code %s, engagement %s\n\n", inv.BuyerReference, inv.PurchaseOrderReference)

	fmt.Fprintf(&b, "%-6s %-26s %8s %12s %12s\n", "BG-23", "VAT breakdown", "rate %", "taxable", "VAT")
	for _, v := range inv.VATBreakdown {
		rate := "-"
		if v.Rate != nil {
			rate = v.Rate.String() // a rate, not an amount: 5.5, not 5.50
		}
		fmt.Fprintf(&b, "%-6s %-26s %8s %12s %12s %s\n", "", "category "+string(v.Category), rate,
			amount(v.TaxableAmount), amount(v.TaxAmount), cur)
	}
	b.WriteByte('\n')

	t := inv.Totals
	row := func(bt, label string, d decimal.Decimal) {
		fmt.Fprintf(&b, "%-6s %-48s %12s %s\n", bt, label, amount(d), cur)
	}
	row("BT-106", "Sum of invoice line net amounts", t.LineNet)
	if t.Allowances != nil {
		row("BT-107", "Sum of allowances on document level", *t.Allowances)
	}
	if t.Charges != nil {
		row("BT-108", "Sum of charges on document level", *t.Charges)
	}
	row("BT-109", "Invoice total amount without VAT", t.TaxExclusive)
	if t.VAT != nil {
		row("BT-110", "Invoice total VAT amount", *t.VAT)
	}
	row("BT-112", "Invoice total amount with VAT", t.TaxInclusive)
	row("BT-115", "Amount due for payment", t.Due)
	return b.Bytes()
}

// amount formats an amount with its 2 decimals.
func amount(d decimal.Decimal) string { return d.StringFixed(2) }

func main() {
	dir := flag.String("o", filepath.Join("out", "choruspro"), "directory to write the invoice files to")
	flag.Parse()
	if err := run(os.Stdout, *dir); err != nil {
		fmt.Fprintln(os.Stderr, "choruspro:", err)
		os.Exit(1)
	}
}
