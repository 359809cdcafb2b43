package einvoicetest

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/einvoice-go/einvoice"
	"github.com/einvoice-go/einvoice/cii"
	"github.com/einvoice-go/einvoice/validate"
)

// MaxLines is the largest number of lines an invoice gets: a larger
// Options.MaxLines is taken as MaxLines.
const MaxLines = 10000

// Options says what invoices to generate. The zero value generates
// invoices of the Factur-X EN 16931 profile, with 1 to 5 lines at the
// standard VAT rate (category S), in euros, of type 380 (commercial
// invoice), paid by credit transfer, from a seller of an EU country (French
// half of the time) to a buyer mostly of the same country.
//
// The lists are drawn from uniformly, per invoice: a value listed twice is
// drawn twice as often.
//
// Invoice and New never fail: a value they cannot use is replaced as each
// field's comment says, so that any Options give valid invoices. Check
// reports such values, for a caller that wants to know (the command line
// refuses them).
type Options struct {
	// Profile is the Factur-X profile the invoice is meant for: its
	// specification identifier (BT-24) is the profile's, and it holds only
	// terms that profile carries, so that cii.Encoder writes it with the
	// profile and nothing dropped. A MINIMUM or BASIC WL invoice has no
	// lines: it is completed with its lines, which are then removed, as
	// such a document states the totals only. cii.ExtendedCTCFR, the
	// French subset of EXTENDED, holds what an EXTENDED invoice holds
	// (none of the EXTENDED-only terms yet). Zero, or a value that is not
	// one of cii's profiles, means cii.EN16931.
	Profile cii.Profile

	// French makes invoices that follow the French CIUS of the 2026
	// reform (validate.French): a French seller with its SIRET, SIREN, VAT
	// number and electronic address of scheme 0225; the legal notes PMT,
	// PMD and AAB; a billing mode (BT-23: B1, S1, M1, and B2, S2, M2 for
	// invoices already paid); the buyer's electronic address; French VAT
	// rates; a preceding invoice for credit notes and corrective invoices;
	// the VAT in euros (BT-6, BT-111) for invoices in another currency;
	// attachment descriptions of the reform's list. The French CIUS wants
	// the lines and the notes, so French with MINIMUM or BASIC WL gives
	// BASIC invoices. Categories L, M and B are not French: they are left
	// out.
	French bool

	// ChorusPro makes invoices to a French public buyer on Chorus Pro
	// (validate.ChorusPro), and implies French: the buyer is a public
	// entity (a commune, a hospital, a university, ...) identified by its
	// SIRET (BT-46, scheme 0009) with its SIREN (BT-47) and an electronic
	// address of scheme 0225; the invoice number has at most 20
	// characters; the service code (BT-10) and engagement number (BT-13)
	// are there as BuyerRequires wants them; payment means 58 and 59 are
	// written 30 and 49, as Chorus Pro wants them; K, G and AE, which a
	// public buyer in France does not receive, are left out.
	ChorusPro bool

	// BuyerRequires is the Chorus Pro directory setting of the buyer that
	// the invoices satisfy (validate.ChorusProOptions.BuyerRequires):
	// with RequiresNone (the zero value), half of the invoices carry a
	// service code, and half an engagement number. Only with ChorusPro;
	// a value that is not one of validate's constants is RequiresNone.
	BuyerRequires validate.BuyerRequires

	// Categories are the VAT categories the lines draw from (BT-151): S,
	// Z, E, AE, K, G, O, L, M and B. Each invoice draws one of them, then
	// its lines draw among those that go with it in one invoice: S, Z, E
	// and AE mix; K (intra-community supply, to a buyer of another EU
	// country), G (export, to a buyer outside the EU), O (not subject to
	// VAT, with no VAT identifier anywhere), L (Canary Islands), M (Ceuta
	// and Melilla) and B (Italian split payment) each fill an invoice
	// alone. Zero means S only; an unknown category is left out, and so is
	// one French or ChorusPro exclude, and B below EXTENDED (the Factur-X
	// profiles' code lists have no B).
	Categories []einvoice.VATCategory

	// MinLines and MaxLines bound the number of lines (BG-25), drawn
	// uniformly between them. Zero means 1 and 5; a MinLines below 1 is 1,
	// a MaxLines below MinLines is MinLines, above the constant MaxLines is
	// MaxLines.
	MinLines, MaxLines int

	// Currencies are the invoice currencies (BT-5) drawn from. Zero means
	// EUR; a code that is not ISO 4217 is left out. A French invoice in
	// another currency than the euro gives its VAT in euros (BT-6, BT-111),
	// at a rate its notes state.
	Currencies []einvoice.CurrencyCode

	// TypeCodes are the document types (BT-3) drawn from: 380 commercial
	// invoice, 381 credit note, 384 corrected invoice, 386 prepayment
	// invoice, 389 self-billed invoice, 393 factored invoice (paid to a
	// factoring company, the payee), 261 self-billed credit note, 262
	// consolidated credit note, 396 factored credit note. Zero means 380;
	// another code is left out. Credit notes and corrected invoices refer
	// to a preceding invoice (BG-3).
	TypeCodes []einvoice.DocumentTypeCode

	// AllowancesCharges gives most invoices document level allowances and
	// charges (BG-20, BG-21: discounts, freight, packing, by amount or by
	// percentage) and lines allowances and charges (BG-27, BG-28), as the
	// profile carries them. Default false: none.
	AllowancesCharges bool

	// Attachments gives most invoices supporting documents (BG-24): an
	// embedded PDF, CSV or PNG file, or a link. Only the EN 16931 and
	// EXTENDED profiles carry them. Default false: none.
	Attachments bool

	// PaymentMeans are the payment means (BT-81) drawn from: 10 cash, 20
	// cheque, 30 credit transfer, 42 payment to bank account, 48 bank
	// card, 49 direct debit, 57 standing agreement, 58 SEPA credit
	// transfer, 59 SEPA direct debit; transfers give the seller's (or
	// payee's) IBAN and BIC, direct debits the mandate, the creditor
	// identifier and the buyer's IBAN, cards the last digits. Zero means
	// 30 and 58; another code is left out. MINIMUM carries no payment
	// means.
	PaymentMeans []einvoice.PaymentMeansCode
}

// The values of the options' lists, in the order the generator knows them.
var (
	knownCategories = []einvoice.VATCategory{
		einvoice.VATStandard, einvoice.VATZeroRated, einvoice.VATExempt, einvoice.VATReverseCharge,
		einvoice.VATIntraCommunity, einvoice.VATExport, einvoice.VATNotSubject,
		einvoice.VATCanaryIslands, einvoice.VATCeutaMelilla, einvoice.VATSplitPayment,
	}
	knownTypeCodes = []einvoice.DocumentTypeCode{
		einvoice.DocumentType380, einvoice.DocumentType381, einvoice.DocumentType384,
		einvoice.DocumentType386, einvoice.DocumentType389, einvoice.DocumentType393,
		einvoice.DocumentType261, einvoice.DocumentType262, einvoice.DocumentType396,
	}
	knownPaymentMeans = []einvoice.PaymentMeansCode{
		einvoice.PaymentMeansCash, einvoice.PaymentMeansCheque, einvoice.PaymentMeansCreditTransfer,
		einvoice.PaymentMeansPaymentToBankAccount, einvoice.PaymentMeansBankCard,
		einvoice.PaymentMeansDirectDebit, einvoice.PaymentMeansStandingAgreement,
		einvoice.PaymentMeansSEPACreditTransfer, einvoice.PaymentMeansSEPADirectDebit,
	}
)

// Check reports the values of o that Invoice and New do not use as they
// are, one error each (joined with errors.Join), or nil: an unknown
// profile, category, currency, document type or payment means, one that
// French or ChorusPro exclude, French with MINIMUM or BASIC WL, a number
// of lines out of range, BuyerRequires without ChorusPro.
func (o Options) Check() error {
	var errs []error
	add := func(format string, args ...any) { errs = append(errs, fmt.Errorf("einvoicetest: "+format, args...)) }
	if o.Profile != 0 && cii.ProfileOf(o.Profile.URN()) != o.Profile {
		add("unknown profile %d", int(o.Profile))
	}
	french := o.French || o.ChorusPro
	if french && (o.Profile == cii.Minimum || o.Profile == cii.BasicWL) {
		add("the French CIUS needs lines and notes, which profile %s does not carry: BASIC is used", o.Profile)
	}
	for _, c := range o.Categories {
		switch {
		case !slices.Contains(knownCategories, c):
			add("unknown VAT category %q", c)
		case french && (c == einvoice.VATCanaryIslands || c == einvoice.VATCeutaMelilla || c == einvoice.VATSplitPayment):
			add("VAT category %s is not French (BR-FR-15)", c)
		case o.ChorusPro && (c == einvoice.VATIntraCommunity || c == einvoice.VATExport || c == einvoice.VATReverseCharge):
			add("VAT category %s does not go to a French public buyer", c)
		case c == einvoice.VATSplitPayment && levelOf(o.Profile) < levelExtended:
			add("VAT category B is in the Factur-X EXTENDED profile only, not in %s", settingsOf(o).profile)
		}
	}
	if o.MinLines < 0 || o.MaxLines < 0 {
		add("negative number of lines %d..%d", o.MinLines, o.MaxLines)
	}
	if o.MaxLines > MaxLines {
		add("at most %d lines, not %d", MaxLines, o.MaxLines)
	}
	if o.MinLines > 0 && o.MaxLines > 0 && o.MaxLines < o.MinLines {
		add("MaxLines %d below MinLines %d", o.MaxLines, o.MinLines)
	}
	for _, c := range o.Currencies {
		if !c.Valid() {
			add("unknown currency %q", c)
		}
	}
	for _, c := range o.TypeCodes {
		if !slices.Contains(knownTypeCodes, c) {
			add("document type %q not generated: use %s", c, joinCodes(knownTypeCodes))
		}
	}
	for _, c := range o.PaymentMeans {
		switch {
		case !slices.Contains(knownPaymentMeans, c):
			add("payment means %q not generated: use %s", c, joinCodes(knownPaymentMeans))
		case o.ChorusPro && (c == einvoice.PaymentMeansSEPACreditTransfer || c == einvoice.PaymentMeansSEPADirectDebit):
			add("Chorus Pro does not take payment means %s: it is written %s", c, chorusMeans(c))
		}
	}
	if o.BuyerRequires != validate.RequiresNone && !o.ChorusPro {
		add("BuyerRequires %s without ChorusPro", o.BuyerRequires)
	}
	return errors.Join(errs...)
}

// RuleSets returns the rule sets that the invoices of o pass, to give
// validate.Invoice, for a document of syntax syn:
//
//   - for CII, the set of the Factur-X profile (validate.FacturX), then
//     validate.French, or validate.ChorusPro with o.BuyerRequires, when
//     the options ask for them; for a French invoice of EXTENDED or
//     EXTENDED-CTC-FR, French or ChorusPro alone: they hold the rules of
//     EN 16931, whose sums would otherwise run beside the BR-FXEXT sums of
//     FacturXExtended, and fire together with them on a broken invoice;
//   - for UBL, validate.EN16931, French or ChorusPro, For(validate.UBL).
//     UBL has no profiles: an invoice of MINIMUM or BASIC WL, without
//     lines, is not one UBL carries (BR-16).
func (o Options) RuleSets(syn validate.Syntax) []validate.RuleSet {
	s := settingsOf(o)
	var fr validate.RuleSet
	switch {
	case s.cpro:
		fr = validate.ChorusPro(validate.ChorusProOptions{BuyerRequires: s.buyerRequires})
	case s.french:
		fr = validate.French
	}
	if syn == validate.UBL {
		if s.french {
			return []validate.RuleSet{fr.For(validate.UBL)}
		}
		return []validate.RuleSet{validate.EN16931.For(validate.UBL)}
	}
	fx, _ := validate.FacturX(s.profile.URN())
	switch {
	case !s.french:
		return []validate.RuleSet{fx}
	case s.level == levelExtended:
		return []validate.RuleSet{fr}
	}
	return []validate.RuleSet{fx, fr}
}

func joinCodes[S ~string](codes []S) string {
	s := make([]string, len(codes))
	for i, c := range codes {
		s[i] = string(c)
	}
	return strings.Join(s, ", ")
}

// chorusMeans is the payment means Chorus Pro takes for c: 30 for 58, 49
// for 59 (CHORUSPRO-05).
func chorusMeans(c einvoice.PaymentMeansCode) einvoice.PaymentMeansCode {
	switch c {
	case einvoice.PaymentMeansSEPACreditTransfer:
		return einvoice.PaymentMeansCreditTransfer
	case einvoice.PaymentMeansSEPADirectDebit:
		return einvoice.PaymentMeansDirectDebit
	}
	return c
}

// settings are the options as the generator uses them: corrected as the
// fields' comments say, the lists filtered and defaulted.
type settings struct {
	profile       cii.Profile
	level         level
	french, cpro  bool
	buyerRequires validate.BuyerRequires
	categories    []einvoice.VATCategory
	minLines      int
	maxLines      int
	currencies    []einvoice.CurrencyCode
	typeCodes     []einvoice.DocumentTypeCode
	allowances    bool
	attachments   bool
	means         []einvoice.PaymentMeansCode
}

// level orders the profiles by what they carry.
type level int

const (
	levelMinimum level = iota
	levelBasicWL
	levelBasic
	levelEN16931
	levelExtended
)

// levelOf returns the level of a profile.
func levelOf(p cii.Profile) level {
	switch p {
	case cii.Minimum:
		return levelMinimum
	case cii.BasicWL:
		return levelBasicWL
	case cii.Basic:
		return levelBasic
	case cii.Extended, cii.ExtendedCTCFR:
		return levelExtended
	}
	return levelEN16931
}

// The defaults of the lists.
var (
	defaultCategories = []einvoice.VATCategory{einvoice.VATStandard}
	defaultCurrencies = []einvoice.CurrencyCode{einvoice.CurrencyEUR}
	defaultTypeCodes  = []einvoice.DocumentTypeCode{einvoice.DocumentType380}
	defaultMeans      = []einvoice.PaymentMeansCode{einvoice.PaymentMeansCreditTransfer, einvoice.PaymentMeansSEPACreditTransfer}
)

// settingsOf corrects o as the fields' comments say.
func settingsOf(o Options) settings {
	s := settings{
		profile:     o.Profile,
		french:      o.French || o.ChorusPro,
		cpro:        o.ChorusPro,
		minLines:    o.MinLines,
		maxLines:    o.MaxLines,
		allowances:  o.AllowancesCharges,
		attachments: o.Attachments,
	}
	if s.profile == 0 || cii.ProfileOf(s.profile.URN()) != s.profile {
		s.profile = cii.EN16931
	}
	if s.french && (s.profile == cii.Minimum || s.profile == cii.BasicWL) {
		s.profile = cii.Basic
	}
	s.level = levelOf(s.profile)
	if s.cpro && o.BuyerRequires >= validate.RequiresNone && o.BuyerRequires <= validate.RequiresServiceAndEngagement {
		s.buyerRequires = o.BuyerRequires
	}
	switch {
	case s.minLines <= 0 && s.maxLines <= 0:
		s.minLines, s.maxLines = 1, 5
	case s.minLines <= 0:
		s.minLines = 1
	}
	s.maxLines = min(max(s.maxLines, s.minLines), MaxLines)
	s.minLines = min(s.minLines, s.maxLines)

	s.categories = filter(o.Categories, defaultCategories, func(c einvoice.VATCategory) bool {
		switch {
		case !slices.Contains(knownCategories, c):
			return false
		case s.french && (c == einvoice.VATCanaryIslands || c == einvoice.VATCeutaMelilla || c == einvoice.VATSplitPayment):
			return false
		case s.cpro && (c == einvoice.VATIntraCommunity || c == einvoice.VATExport || c == einvoice.VATReverseCharge):
			return false
		case c == einvoice.VATSplitPayment && s.level < levelExtended:
			return false
		}
		return true
	})
	s.currencies = filter(o.Currencies, defaultCurrencies, einvoice.CurrencyCode.Valid)
	s.typeCodes = filter(o.TypeCodes, defaultTypeCodes, func(c einvoice.DocumentTypeCode) bool {
		return slices.Contains(knownTypeCodes, c)
	})
	s.means = filter(o.PaymentMeans, defaultMeans, func(c einvoice.PaymentMeansCode) bool {
		return slices.Contains(knownPaymentMeans, c)
	})
	if s.cpro {
		means := make([]einvoice.PaymentMeansCode, len(s.means))
		for i, c := range s.means {
			means[i] = chorusMeans(c)
		}
		s.means = means
	}
	return s
}

// filter returns the elements of list that keep accepts, or def when none
// is left.
func filter[T comparable](list, def []T, keep func(T) bool) []T {
	if all(list, keep) && len(list) > 0 {
		return list
	}
	var out []T
	for _, v := range list {
		if keep(v) {
			out = append(out, v)
		}
	}
	if len(out) == 0 {
		return def
	}
	return out
}
