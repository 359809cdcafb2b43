// Command choruspro invoices a French public buyer through Chorus Pro, the
// portal through which every supplier of a French public entity sends its
// invoices: it builds the invoice, completes it (line amounts, VAT
// breakdown, totals), writes it as Factur-X PDF, CII and UBL, validates what
// it wrote against EN 16931, the French CIUS of the 2026 reform and the
// Chorus Pro rules, and prints the totals and the validation report.
//
// The seller, Fournitures Caraïbes SARL in Baie-Mahault, invoices the
// Communauté d'Agglomération La Riviera du Levant in Le Gosier, both in
// Guadeloupe, where VAT is 8.5 % (normal rate) and 2.1 % (reduced rate,
// books here), for office supplies, furniture, books and their installation.
//
// The buyer's SIRET here, 29997100200017 (SIREN 299971002), is a
// PLACEHOLDER: a number that passes the Luhn check, not the real SIRET of
// the agglomeration. Take the real one from the Chorus Pro directory
// (annuaire des structures publiques) before sending anything. The seller's
// numbers belong to no real company either.
//
// What makes it a Chorus Pro invoice:
//
//   - the buyer is identified by its SIRET (BT-46, scheme 0009), which is
//     also its electronic address (BT-49, scheme 0009), and has its SIREN as
//     legal registration (BT-47, scheme 0002), as BR-FR-09 wants when a
//     SIRET is given;
//   - the buyer reference (BT-10) carries the code of the buyer's service
//     that receives the invoice (code service), and the purchase order
//     reference (BT-13) its engagement number (numéro d'engagement
//     juridique): this buyer's directory entry requires both, so the
//     invoice is validated with validate.RequiresServiceAndEngagement;
//   - the seller has its SIRET (BT-29, scheme 0009), its SIREN as legal
//     registration (BT-30, scheme 0002), its French VAT number (BT-31) and
//     an electronic address of the French reform (BT-34, its SIREN, scheme
//     0225);
//   - the business process (BT-23) is the billing framework of the reform,
//     M1: a plain invoice for goods and services mixed;
//   - the notes carry the mentions French law requires, with the subject
//     codes of the French CIUS: PMT (the 40 € recovery fee), PMD (late
//     payment penalties) and AAB (no discount for early payment);
//   - payment by credit transfer (30) to an IBAN, the only account Chorus
//     Pro takes for a transfer;
//   - VAT rates written as the French list has them (8.5, 2.1: BR-FR-16).
//
// Run it with:
//
//	go run ./examples/choruspro [-o DIR]
//
// DIR is out/choruspro by default. It writes
//
//	DIR/invoice.pdf       the Factur-X PDF/A-3B, EN 16931 profile: the
//	                      invoice drawn with French labels, carrying
//	                      invoice-cii.xml byte for byte
//	DIR/invoice-cii.xml   CII XML, Factur-X EN 16931 profile
//	DIR/invoice-ubl.xml   UBL 2.1
//	DIR/report.txt        the validation report
//
// then decodes the two XML files, checks the syntax rules of their
// schematrons and validates the decoded invoices with
// validate.ChorusPro(validate.ChorusProOptions{BuyerRequires:
// validate.RequiresServiceAndEngagement}) (For(validate.UBL) for the UBL).
// The report is in the text format of `einvoice validate`: "PASS file" or
// "FAIL file", then "  [RULE] path: message" per issue. It exits with
// status 1 when a file has a fatal issue.
//
// The PDF's creation time is fixed, 08:00 in Guadeloupe (UTC−4) on the
// issue date, so that two runs write the same bytes.
package main

import (
	"bytes"
	"errors"
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
	"github.com/einvoice-go/einvoice/validate"
	"github.com/shopspring/decimal"
)

// The parties' identifiers. The SIRENs and SIRETs pass the Luhn check, the
// VAT number's key is that of the SIREN, and the IBAN's check digits are
// right (main_test.go checks them); none of them is a real company's.
const (
	sellerSIREN = "529712341"
	sellerSIRET = sellerSIREN + "00013" // establishment 0001, Luhn digit 3
	sellerVAT   = "FR03529712341"       // key (12 + 3 × (529712341 mod 97)) mod 97 = 3

	// buyerSIREN and buyerSIRET are PLACEHOLDERS, not the real numbers of
	// the Communauté d'Agglomération La Riviera du Levant.
	buyerSIREN = "299971002"
	buyerSIRET = buyerSIREN + "00017" // establishment 0001, Luhn digit 7

	sellerIBAN = "FR7612345000100009876543259"
	sellerBIC  = "EXBKFRPPXXX"
)

// The buyer's Chorus Pro settings: its directory entry requires a service
// code and an engagement number.
var chorusPro = validate.ChorusProOptions{BuyerRequires: validate.RequiresServiceAndEngagement}

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func decp(s string) *decimal.Decimal {
	d := decimal.RequireFromString(s)
	return &d
}

// vatS is the standard rated VAT category S at the given rate, written as
// given: "8.5", not "8.50" nor "8.500".
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
		// The buyer's service code, as its Chorus Pro directory entry gives
		// it, and the engagement number of its purchase order.
		BuyerReference:         "DIR-FIN-01",
		PurchaseOrderReference: "EJ-2026-004512",
		PaymentTerms:           "Paiement à 30 jours à compter de la date de facture, par virement.",
		Notes: []einvoice.Note{
			{SubjectCode: einvoice.SubjectPMT, Text: "En cas de retard de paiement, une indemnité forfaitaire de 40 € pour frais de recouvrement est due (art. L441-10 du Code de commerce)."},
			{SubjectCode: einvoice.SubjectPMD, Text: "Tout retard de paiement entraîne des pénalités égales à trois fois le taux d'intérêt légal, exigibles dès le lendemain de l'échéance."},
			{SubjectCode: einvoice.SubjectAAB, Text: "Aucun escompte n'est accordé en cas de paiement anticipé."},
		},
		Process: einvoice.ProcessControl{BusinessProcess: "M1"}, // goods and services, plain invoice
		Seller: einvoice.Seller{
			Name:                "Fournitures Caraïbes SARL",
			Identifiers:         []einvoice.ID{{Value: sellerSIRET, Scheme: einvoice.ICDSIRET}},
			LegalRegistration:   einvoice.ID{Value: sellerSIREN, Scheme: einvoice.ICDSIREN},
			VATID:               sellerVAT,
			AdditionalLegalInfo: "SARL au capital de 20 000 €, RCS Pointe-à-Pitre " + sellerSIREN,
			ElectronicAddress:   einvoice.ElectronicAddress{Value: sellerSIREN, Scheme: einvoice.EAS0225},
			Address: einvoice.Address{
				Line1:       "Zone de Jarry",
				City:        "Baie-Mahault",
				PostCode:    "97122",
				Subdivision: "Guadeloupe",
				Country:     einvoice.CountryFR,
			},
			Contact: &einvoice.Contact{Name: "Service comptabilité", Phone: "+590 590 00 00 00", Email: "factures@fournitures-caraibes.example"},
		},
		Buyer: einvoice.Buyer{
			Name:              "Communauté d'Agglomération La Riviera du Levant",
			Identifiers:       []einvoice.ID{{Value: buyerSIRET, Scheme: einvoice.ICDSIRET}},
			LegalRegistration: einvoice.ID{Value: buyerSIREN, Scheme: einvoice.ICDSIREN},
			ElectronicAddress: einvoice.ElectronicAddress{Value: buyerSIRET, Scheme: einvoice.EAS0009},
			Address: einvoice.Address{
				Line1:       "93 Bd du Général de Gaulle",
				City:        "Le Gosier",
				PostCode:    "97190",
				Subdivision: "Guadeloupe",
				Country:     einvoice.CountryFR,
			},
		},
		// The date of delivery and installation, which French law wants on
		// the invoice when it is not the issue date. It also fills the CII
		// delivery element, which the Factur-X schematron warns about when
		// empty (PEPPOL-EN16931-R008).
		Delivery: &einvoice.Delivery{Date: einvoice.NewDate(2026, time.March, 12)},
		Payment: &einvoice.PaymentInstructions{
			MeansCode:      einvoice.PaymentMeansCreditTransfer,
			RemittanceInfo: "FA-2026-000123",
			CreditTransfers: []einvoice.CreditTransfer{{
				AccountID:   sellerIBAN,
				AccountName: "Fournitures Caraïbes SARL",
				ProviderID:  sellerBIC,
			}},
		},
		Charges: []einvoice.Charge{{
			Amount:     dec("35.00"),
			VAT:        vatS("8.5"),
			Reason:     "Frais de livraison",
			ReasonCode: einvoice.ChargeReasonFreight,
		}},
		Lines: []einvoice.Line{
			{
				ID:       "1",
				Quantity: dec("40"),
				Unit:     einvoice.UnitC62,
				Price:    einvoice.Price{Net: dec("4.35")},
				VAT:      vatS("8.5"),
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
				VAT:  vatS("8.5"),
				Item: einvoice.Item{Name: "Cartouche d'encre noire"},
			},
			{
				ID:       "3",
				Quantity: dec("4"),
				Unit:     einvoice.UnitH87,
				Price:    einvoice.Price{Net: dec("189.00")},
				VAT:      vatS("8.5"),
				Item:     einvoice.Item{Name: "Fauteuil de bureau ergonomique", Description: "Pour la direction des finances"},
			},
			{
				ID:       "4",
				Quantity: dec("25"),
				Unit:     einvoice.UnitC62,
				Price:    einvoice.Price{Net: dec("18.90")},
				VAT:      vatS("2.1"), // books: the reduced rate
				Item:     einvoice.Item{Name: "Livres jeunesse pour la médiathèque"},
			},
			{
				ID:       "5",
				Quantity: dec("1500"),
				Unit:     einvoice.UnitC62,
				Price:    einvoice.Price{Net: dec("0.0845")}, // a price keeps its 4 decimals
				VAT:      vatS("8.5"),
				Item:     einvoice.Item{Name: "Enveloppe C5 blanche"},
			},
			{
				ID:       "6",
				Quantity: dec("3.5"),
				Unit:     einvoice.UnitHUR,
				Price:    einvoice.Price{Net: dec("45.00")},
				VAT:      vatS("8.5"),
				Item:     einvoice.Item{Name: "Montage et installation du mobilier", Description: "Prestation sur site, Le Gosier"},
			},
		},
	}
}

// The names of the files run writes in its directory.
const (
	pdfName    = "invoice.pdf"
	ciiName    = "invoice-cii.xml"
	ublName    = "invoice-ubl.xml"
	reportName = "report.txt"
)

// run completes inv, writes it to dir as Factur-X PDF, CII and UBL,
// validates the two XML files it wrote under the Chorus Pro rules for a
// buyer that requires a service code and an engagement number, writes the
// report to dir/report.txt, and prints the totals, the files and the report
// to w. It returns an error when a file has a fatal issue, after writing
// and printing everything.
func run(w io.Writer, dir string, inv einvoice.Invoice) error {
	if err := inv.Complete(); err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	ciiPath := filepath.Join(dir, ciiName)
	ublPath := filepath.Join(dir, ublName)
	pdfPath := filepath.Join(dir, pdfName)
	reportPath := filepath.Join(dir, reportName)

	var ciiXML bytes.Buffer
	if _, err := (&cii.Encoder{Profile: cii.EN16931}).Encode(&ciiXML, &inv); err != nil {
		return err
	}
	if err := os.WriteFile(ciiPath, ciiXML.Bytes(), 0o644); err != nil {
		return err
	}
	var ublXML bytes.Buffer
	if err := ubl.Encode(&ublXML, &inv); err != nil {
		return err
	}
	if err := os.WriteFile(ublPath, ublXML.Bytes(), 0o644); err != nil {
		return err
	}
	// The Factur-X PDF/A-3B: the invoice drawn on A4 pages with French
	// labels, carrying the same CII as invoice-cii.xml. Its time is fixed
	// for reproducible output: 08:00 in Guadeloupe on the issue date.
	var pdf bytes.Buffer
	opt := &facturx.Options{Profile: cii.EN16931, Time: createdAt(inv.IssueDate)}
	if err := facturx.Create(&pdf, &inv, opt); err != nil {
		return err
	}
	if err := os.WriteFile(pdfPath, pdf.Bytes(), 0o644); err != nil {
		return err
	}

	// Validate what was written, as a receiver reads it: decoded from the
	// files, with the syntax rules of their schematrons first.
	ciiRep, err := validateCII(ciiPath)
	if err != nil {
		return err
	}
	ublRep, err := validateUBL(ublPath)
	if err != nil {
		return err
	}
	var report bytes.Buffer
	writeReport(&report, ciiPath, ciiRep)
	writeReport(&report, ublPath, ublRep)
	if err := os.WriteFile(reportPath, report.Bytes(), 0o644); err != nil {
		return err
	}

	var b bytes.Buffer
	b.Write(totalsTable(&inv))
	fmt.Fprintf(&b, "\nWritten:\n")
	fmt.Fprintf(&b, "  Factur-X PDF/A-3B (EN 16931)  %s\n", pdfPath)
	fmt.Fprintf(&b, "  CII (Factur-X EN 16931)       %s\n", ciiPath)
	fmt.Fprintf(&b, "  UBL 2.1                       %s\n", ublPath)
	fmt.Fprintf(&b, "  validation report             %s\n", reportPath)
	fmt.Fprintf(&b, "\nValidated with EN 16931, the French CIUS (BR-FR) and Chorus Pro (BR-FR-CPRO);\n")
	fmt.Fprintf(&b, "the buyer requires service code and engagement number (%s).\n\n", chorusPro.BuyerRequires)
	b.Write(report.Bytes())
	if _, err := w.Write(b.Bytes()); err != nil {
		return err
	}

	var errs []error
	if err := ciiRep.Err(); err != nil {
		errs = append(errs, fmt.Errorf("%s: %w", ciiPath, err))
	}
	if err := ublRep.Err(); err != nil {
		errs = append(errs, fmt.Errorf("%s: %w", ublPath, err))
	}
	return errors.Join(errs...)
}

// createdAt is the PDF's creation time: 08:00 in Guadeloupe (UTC−4, no
// daylight saving time) on the date d.
func createdAt(d einvoice.Date) time.Time {
	return time.Date(d.Year, d.Month, d.Day, 8, 0, 0, 0, time.FixedZone("AST", -4*60*60))
}

// validateCII decodes the CII file at path, checking the syntax rules of
// the CEN schematron, and validates the invoice under the Chorus Pro rules.
func validateCII(path string) (validate.Report, error) {
	f, err := os.Open(path)
	if err != nil {
		return validate.Report{}, err
	}
	defer f.Close()
	doc, err := (&cii.Decoder{SyntaxRules: true}).Decode(f)
	if err != nil {
		return validate.Report{}, fmt.Errorf("%s: %w", path, err)
	}
	rep := validate.Invoice(doc.Invoice, validate.ChorusPro(chorusPro))
	rep.AddSyntax(doc.Issues)
	return rep, nil
}

// validateUBL decodes the UBL file at path, checking the syntax rules of
// the CEN schematron, and validates the invoice under the Chorus Pro rules
// as the UBL schematrons read them.
func validateUBL(path string) (validate.Report, error) {
	f, err := os.Open(path)
	if err != nil {
		return validate.Report{}, err
	}
	defer f.Close()
	doc, err := (&ubl.Decoder{SyntaxRules: true}).Decode(f)
	if err != nil {
		return validate.Report{}, fmt.Errorf("%s: %w", path, err)
	}
	rep := validate.Invoice(doc.Invoice, validate.ChorusPro(chorusPro).For(validate.UBL))
	rep.AddSyntax(doc.Issues)
	return rep, nil
}

// writeReport writes the report of the file name as `einvoice validate`
// prints it: "PASS name" or "FAIL name", then "  [RULE] path: message" per
// issue, warnings included.
func writeReport(b *bytes.Buffer, name string, rep validate.Report) {
	verdict := "PASS"
	if !rep.Valid() {
		verdict = "FAIL"
	}
	fmt.Fprintf(b, "%s %s\n", verdict, name)
	for _, is := range rep.Issues {
		fmt.Fprintf(b, "  %s\n", is)
	}
}

// totalsTable is the computed VAT breakdown and document totals of a
// completed invoice, as an aligned table, after a header naming the
// invoice, the buyer and its Chorus Pro references.
func totalsTable(inv *einvoice.Invoice) []byte {
	var b bytes.Buffer
	cur := string(inv.Currency)
	fmt.Fprintf(&b, "Invoice %s of %s, due %s\n", inv.Number, inv.IssueDate, inv.DueDate)
	fmt.Fprintf(&b, "From    %s, SIRET %s\n", inv.Seller.Name, firstID(inv.Seller.Identifiers, einvoice.ICDSIRET))
	fmt.Fprintf(&b, "To      %s, SIRET %s\n", inv.Buyer.Name, firstID(inv.Buyer.Identifiers, einvoice.ICDSIRET))
	fmt.Fprintf(&b, "        (the buyer's SIRET is a placeholder, not the real SIRET of the agglomeration)\n")
	fmt.Fprintf(&b, "Service code (BT-10) %s, engagement number (BT-13) %s\n\n", inv.BuyerReference, inv.PurchaseOrderReference)

	fmt.Fprintf(&b, "%-6s %-26s %8s %12s %12s\n", "BG-23", "VAT breakdown", "rate %", "taxable", "VAT")
	for _, v := range inv.VATBreakdown {
		rate := "-"
		if v.Rate != nil {
			rate = v.Rate.String() // a rate, not an amount: 8.5, not 8.50
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

// firstID returns the value of the first of ids with the scheme, or "-".
func firstID(ids []einvoice.ID, scheme einvoice.ICDCode) string {
	for _, id := range ids {
		if id.Scheme == scheme {
			return id.Value
		}
	}
	return "-"
}

// amount formats an amount with its 2 decimals.
func amount(d decimal.Decimal) string { return d.StringFixed(2) }

func main() {
	dir := flag.String("o", filepath.Join("out", "choruspro"), "directory to write the invoice files to")
	flag.Parse()
	if err := run(os.Stdout, *dir, buildInvoice()); err != nil {
		fmt.Fprintln(os.Stderr, "choruspro:", err)
		os.Exit(1)
	}
}
