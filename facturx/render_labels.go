package facturx

import "github.com/einvoice-go/einvoice"

// labels are the words Render writes around the invoice's figures, in one
// language.
type labels struct {
	// Number formatting.
	decimalSep, groupSep string
	percent              string // between a rate and "%"
	euroSymbol           bool   // EUR amounts end in "€" rather than "EUR"
	colon                string // between a name and a value: " : " in French

	invoice, creditNote   string // document titles
	titleInvoice, titleCN string // the default document title's word
	continued             string
	page                  string // "Page %d/%d" prefix

	numberLbl, issueDate, dueDate, deliveryDate, periodLbl, taxPointDate, taxPointCode string
	currency, taxCurrency, docType                                                     string

	seller, buyer, delivery, payee, taxRep, references string

	phone, email, contact                        string
	vatID, taxReg, registration, identifier, eas string

	buyerRef, purchaseOrder, contract, project, salesOrder, receiving, despatch string
	tender, invoicedObject, accountingRef, process, preceding, precedingOf      string
	locationID                                                                  string

	// Lines table.
	colID, colItem, colQty, colUnit, colPrice, colVAT, colNet string
	amountsIn                                                 string
	sellerItem, buyerItem, standardID, classification         string
	origin, orderLine, lineAccounting, linePeriod, lineObject string
	grossPrice, discount, priceFor, lineAllowance, lineCharge string

	// Allowances and charges.
	acTitle, allowance, charge, acReason, acBase, acPct, acVAT, acAmount string

	// VAT breakdown.
	vatTitle, vatCategory, vatRate, vatBase, vatAmount, exemption string

	// Totals.
	lineNet, allowances, charges, taxExclusive, vat, vatInTaxCurrency string
	taxInclusive, paid, rounding, due                                 string

	// Payment.
	payment, terms, means, iban, account, bic, accountName, remittance string
	card, cardHolder, mandate, creditorID, debitedAccount              string

	notes, attachments string

	months [12]string
	// dayFirst: "15/06/2026" in French, "15 Jun 2026" in English.
	numericDate bool
}

var frenchLabels = labels{
	decimalSep: ",", groupSep: "\u00a0", percent: "\u00a0%", euroSymbol: true, colon: "\u00a0: ",

	invoice: "FACTURE", creditNote: "AVOIR", titleInvoice: "Facture", titleCN: "Avoir",
	continued: "suite", page: "Page",

	numberLbl: "N°", issueDate: "Date", dueDate: "Échéance", deliveryDate: "Livraison", periodLbl: "Période",
	taxPointDate: "Date d'exigibilité TVA", taxPointCode: "Exigibilité TVA",
	currency: "Devise", taxCurrency: "Devise TVA", docType: "Type",

	seller: "Vendeur", buyer: "Client", delivery: "Livraison", payee: "Bénéficiaire du paiement",
	taxRep: "Représentant fiscal", references: "Références",

	phone: "Tél.", email: "E-mail", contact: "Contact",
	vatID: "N° TVA", taxReg: "N° fiscal", registration: "Immatriculation", identifier: "Identifiant",
	eas: "Adresse électronique",

	buyerRef: "Code service (réf. acheteur)", purchaseOrder: "N° d'engagement (commande)",
	contract: "Contrat / marché", project: "Projet", salesOrder: "Commande vendeur",
	receiving: "Avis de réception", despatch: "Avis d'expédition", tender: "Appel d'offres / lot",
	invoicedObject: "Objet facturé", accountingRef: "Imputation comptable", process: "Cadre de facturation",
	preceding: "Facture antérieure", precedingOf: "du", locationID: "Lieu",

	colID: "N°", colItem: "Désignation", colQty: "Qté", colUnit: "Unité", colPrice: "PU HT",
	colVAT: "TVA", colNet: "Montant HT", amountsIn: "Montants en",
	sellerItem: "Réf.", buyerItem: "Réf. client", standardID: "GTIN", classification: "Classification",
	origin: "Origine", orderLine: "Ligne de commande", lineAccounting: "Imputation", linePeriod: "Période",
	lineObject: "Objet", grossPrice: "Prix brut", discount: "remise", priceFor: "prix pour",
	lineAllowance: "Remise", lineCharge: "Frais",

	acTitle: "Remises et frais sur le total", allowance: "Remise", charge: "Frais", acReason: "Motif",
	acBase: "Base HT", acPct: "Taux", acVAT: "TVA", acAmount: "Montant HT",

	vatTitle: "Détail de la TVA", vatCategory: "Catégorie", vatRate: "Taux", vatBase: "Base HT",
	vatAmount: "TVA", exemption: "Motif d'exonération",

	lineNet: "Total HT des lignes", allowances: "Remises", charges: "Frais", taxExclusive: "Total HT",
	vat: "Total TVA", vatInTaxCurrency: "Total TVA en", taxInclusive: "Total TTC", paid: "Déjà payé",
	rounding: "Arrondi", due: "Net à payer",

	payment: "Paiement", terms: "Conditions", means: "Moyen de paiement", iban: "IBAN", account: "Compte",
	bic: "BIC", accountName: "Titulaire", remittance: "Référence à rappeler", card: "Carte",
	cardHolder: "Titulaire", mandate: "Mandat", creditorID: "Identifiant créancier SEPA",
	debitedAccount: "Compte débité",

	notes: "Mentions", attachments: "Pièces jointes",

	months:      [12]string{"janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."},
	numericDate: true,
}

var englishLabels = labels{
	decimalSep: ".", groupSep: ",", percent: "%", colon: ": ",

	invoice: "INVOICE", creditNote: "CREDIT NOTE", titleInvoice: "Invoice", titleCN: "Credit note",
	continued: "continued", page: "Page",

	numberLbl: "Number", issueDate: "Date", dueDate: "Due date", deliveryDate: "Delivery date", periodLbl: "Period",
	taxPointDate: "VAT point date", taxPointCode: "VAT due on",
	currency: "Currency", taxCurrency: "VAT currency", docType: "Type",

	seller: "Seller", buyer: "Bill to", delivery: "Delivery", payee: "Payee", taxRep: "Tax representative",
	references: "References",

	phone: "Phone", email: "Email", contact: "Contact",
	vatID: "VAT no.", taxReg: "Tax no.", registration: "Registration", identifier: "ID",
	eas: "Electronic address",

	buyerRef: "Buyer reference", purchaseOrder: "Purchase order", contract: "Contract", project: "Project",
	salesOrder: "Sales order", receiving: "Receiving advice", despatch: "Despatch advice",
	tender: "Tender or lot", invoicedObject: "Invoiced object", accountingRef: "Buyer accounting ref.",
	process: "Business process", preceding: "Preceding invoice", precedingOf: "of", locationID: "Location",

	colID: "#", colItem: "Description", colQty: "Qty", colUnit: "Unit", colPrice: "Unit price",
	colVAT: "VAT", colNet: "Net amount", amountsIn: "Amounts in",
	sellerItem: "Ref.", buyerItem: "Buyer ref.", standardID: "GTIN", classification: "Classification",
	origin: "Origin", orderLine: "Order line", lineAccounting: "Accounting", linePeriod: "Period",
	lineObject: "Object", grossPrice: "Gross price", discount: "discount", priceFor: "price per",
	lineAllowance: "Allowance", lineCharge: "Charge",

	acTitle: "Document level allowances and charges", allowance: "Allowance", charge: "Charge",
	acReason: "Reason", acBase: "Base", acPct: "Rate", acVAT: "VAT", acAmount: "Amount",

	vatTitle: "VAT breakdown", vatCategory: "Category", vatRate: "Rate", vatBase: "Taxable amount",
	vatAmount: "VAT", exemption: "Exemption reason",

	lineNet: "Sum of line amounts", allowances: "Allowances", charges: "Charges",
	taxExclusive: "Total excl. VAT", vat: "Total VAT", vatInTaxCurrency: "Total VAT in",
	taxInclusive: "Total incl. VAT", paid: "Paid", rounding: "Rounding", due: "Amount due",

	payment: "Payment", terms: "Terms", means: "Payment means", iban: "IBAN", account: "Account",
	bic: "BIC", accountName: "Account name", remittance: "Payment reference", card: "Card",
	cardHolder: "Holder", mandate: "Mandate", creditorID: "Creditor ID", debitedAccount: "Debited account",

	notes: "Notes", attachments: "Supporting documents",

	months: [12]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
}

func labelsFor(l Language) *labels {
	if l == English {
		return &englishLabels
	}
	return &frenchLabels
}

// codeLabel is a code's name in French and English.
type codeLabel struct{ fr, en string }

func (c codeLabel) in(l Language) string {
	if l == English {
		return c.en
	}
	return c.fr
}

// docTypeNames name the document types worth a subtitle (BT-3).
var docTypeNames = map[einvoice.DocumentTypeCode]codeLabel{
	einvoice.CorrectedInvoice:     {"Facture rectificative", "Corrected invoice"},
	einvoice.PrepaymentInvoice:    {"Facture d'acompte", "Prepayment invoice"},
	einvoice.SelfBilledInvoice:    {"Autofacturation", "Self-billed invoice"},
	einvoice.SelfBilledCreditNote: {"Avoir autofacturé", "Self-billed credit note"},
	einvoice.PartialInvoice:       {"Facture partielle", "Partial invoice"},
	einvoice.FactoredInvoice:      {"Facture affacturée", "Factored invoice"},
	einvoice.FactoredCreditNote:   {"Avoir affacturé", "Factored credit note"},
	einvoice.DebitNote:            {"Note de débit", "Debit note"},
}

// vatCategoryNames name the VAT categories (BT-118, UNCL 5305).
var vatCategoryNames = map[einvoice.VATCategory]codeLabel{
	"S":  {"Taux normal", "Standard rate"},
	"Z":  {"Taux zéro", "Zero rated"},
	"E":  {"Exonéré", "Exempt"},
	"AE": {"Autoliquidation", "Reverse charge"},
	"K":  {"Livraison intracommunautaire", "Intra-community supply"},
	"G":  {"Exportation hors UE", "Export outside the EU"},
	"O":  {"Hors champ de la TVA", "Not subject to VAT"},
	"L":  {"IGIC (Canaries)", "IGIC (Canary Islands)"},
	"M":  {"IPSI (Ceuta et Melilla)", "IPSI (Ceuta and Melilla)"},
}

// paymentMeansNames name the payment means (BT-81, UNTDID 4461).
var paymentMeansNames = map[einvoice.PaymentMeansCode]codeLabel{
	einvoice.PaymentMeansNotDefined:           {"Non défini", "Not defined"},
	einvoice.PaymentMeansCash:                 {"Espèces", "Cash"},
	einvoice.PaymentMeansCheque:               {"Chèque", "Cheque"},
	einvoice.PaymentMeansCreditTransfer:       {"Virement", "Credit transfer"},
	einvoice.PaymentMeansDebitTransfer:        {"Virement", "Debit transfer"},
	einvoice.PaymentMeansPaymentToBankAccount: {"Virement sur compte bancaire", "Payment to bank account"},
	einvoice.PaymentMeansBankCard:             {"Carte bancaire", "Bank card"},
	einvoice.PaymentMeansDirectDebit:          {"Prélèvement", "Direct debit"},
	einvoice.PaymentMeansCreditCard:           {"Carte de crédit", "Credit card"},
	einvoice.PaymentMeansDebitCard:            {"Carte de débit", "Debit card"},
	einvoice.PaymentMeansStandingAgreement:    {"Accord permanent", "Standing agreement"},
	einvoice.PaymentMeansSEPACreditTransfer:   {"Virement SEPA", "SEPA credit transfer"},
	einvoice.PaymentMeansSEPADirectDebit:      {"Prélèvement SEPA", "SEPA direct debit"},
	einvoice.PaymentMeansOnlinePayment:        {"Paiement en ligne", "Online payment"},
	einvoice.PaymentMeansClearing:             {"Compensation", "Clearing between partners"},
	einvoice.PaymentMeansMutuallyDefined:      {"Convenu entre les parties", "Mutually defined"},
}

// taxPointNames name the VAT point date codes (BT-8, UNTDID 2005).
var taxPointNames = map[einvoice.TaxPointDateCode]codeLabel{
	"3":   {"date de facture (débits)", "invoice date"},
	"35":  {"date de livraison", "delivery date"},
	"432": {"date de paiement (encaissements)", "payment date"},
}

// schemeNames name the identifier schemes (ISO 6523 ICD) a reader knows.
var schemeNames = map[einvoice.ICDCode]codeLabel{
	einvoice.ICDSIREN: {"SIREN", "SIREN"},
	einvoice.ICDSIRET: {"SIRET", "SIRET"},
	einvoice.ICDGLN:   {"GLN", "GLN"},
	einvoice.ICDDUNS:  {"DUNS", "DUNS"},
	"0160":            {"GTIN", "GTIN"},
	"0208":            {"N° d'entreprise", "Enterprise no."},
	"0183":            {"IDE", "UID"},
	"0224":            {"Code routage", "Routing code"},
	"0204":            {"Leitweg-ID", "Leitweg-ID"},
}

// unitNames name the common units of measure (UN/ECE Recommendation 20
// and 21); others are printed as their code.
var unitNames = map[einvoice.UnitCode]codeLabel{
	"C62": {"unité", "unit"},
	"H87": {"pièce", "piece"},
	"EA":  {"unité", "each"},
	"XPP": {"pièce", "piece"},
	"HUR": {"heure", "hour"},
	"MIN": {"minute", "minute"},
	"DAY": {"jour", "day"},
	"WEE": {"semaine", "week"},
	"MON": {"mois", "month"},
	"ANN": {"an", "year"},
	"KGM": {"kg", "kg"},
	"GRM": {"g", "g"},
	"TNE": {"t", "t"},
	"MTR": {"m", "m"},
	"CMT": {"cm", "cm"},
	"MMT": {"mm", "mm"},
	"KMT": {"km", "km"},
	"MTK": {"m²", "m²"},
	"MTQ": {"m³", "m³"},
	"LTR": {"l", "l"},
	"KWH": {"kWh", "kWh"},
	"SET": {"lot", "set"},
	"LS":  {"forfait", "lump sum"},
	"E48": {"service", "service"},
	"PR":  {"paire", "pair"},
}

// countryNames name the countries most invoices of this library show; the
// others are printed as their ISO 3166-1 code.
var countryNames = map[einvoice.CountryCode]codeLabel{
	"FR": {"France", "France"},
	"DE": {"Allemagne", "Germany"},
	"BE": {"Belgique", "Belgium"},
	"CH": {"Suisse", "Switzerland"},
	"LU": {"Luxembourg", "Luxembourg"},
	"IT": {"Italie", "Italy"},
	"ES": {"Espagne", "Spain"},
	"PT": {"Portugal", "Portugal"},
	"NL": {"Pays-Bas", "Netherlands"},
	"AT": {"Autriche", "Austria"},
	"IE": {"Irlande", "Ireland"},
	"GB": {"Royaume-Uni", "United Kingdom"},
	"US": {"États-Unis", "United States"},
	"MC": {"Monaco", "Monaco"},
}
