package einvoice_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/einvoice-go/einvoice"
)

// codeList is what the tests need of a generated code type.
type codeList interface {
	~string
	Valid() bool
}

// checkList checks the codes known to be valid, the usual invalid ones, the
// size and order of Values, and that Values returns a fresh slice.
func checkList[T codeList](t *testing.T, name string, values func() []T, count int, valid ...T) {
	t.Helper()
	for _, c := range valid {
		if !c.Valid() {
			t.Errorf("%s(%q).Valid() = false", name, string(c))
		}
	}
	invalid := []T{"", "XXXX", "xxxx", "0000000"}
	if len(valid) > 0 {
		first := string(valid[0])
		invalid = append(invalid, T(" "+first), T(first+" "))
		if l := strings.ToLower(first); l != first {
			invalid = append(invalid, T(l))
		}
	}
	for _, c := range invalid {
		if c.Valid() {
			t.Errorf("%s(%q).Valid() = true", name, string(c))
		}
	}
	vs := values()
	if len(vs) != count {
		t.Errorf("%sValues() has %d codes, want %d", name, len(vs), count)
	}
	if !slices.IsSorted(vs) {
		t.Errorf("%sValues() is not sorted", name)
	}
	if len(slices.Compact(slices.Clone(vs))) != len(vs) {
		t.Errorf("%sValues() has duplicates", name)
	}
	for _, c := range vs {
		if !c.Valid() {
			t.Errorf("%sValues() has %q, which is not Valid", name, string(c))
		}
	}
	if len(vs) > 0 {
		vs[0] = "mutated"
		if again := values(); again[0] == "mutated" {
			t.Errorf("%sValues() returns shared state", name)
		}
	}
}

func TestCodeLists(t *testing.T) {
	checkList(t, "CurrencyCode", einvoice.CurrencyCodeValues, 178,
		einvoice.CurrencyEUR, "USD", "CHF", "GBP", "JPY", "XCG", "ZWG")
	if einvoice.CurrencyCode("eur").Valid() || einvoice.CurrencyCode(" EUR").Valid() {
		t.Error("lower case or padded currency code is Valid")
	}
	checkList(t, "CountryCode", einvoice.CountryCodeValues, 251,
		einvoice.CountryFR, einvoice.Country1A, "1A", "DE", "GB", "XI", "AN")
	checkList(t, "DocumentTypeCode", einvoice.DocumentTypeCodeValues, 62,
		einvoice.DocumentType380, "381", "384", "389", "261", "71", "935")
	checkList(t, "PaymentMeansCode", einvoice.PaymentMeansCodeValues, 84,
		einvoice.PaymentMeans30, einvoice.PaymentMeansZZZ, "1", "58", "59", "97")
	checkList(t, "AllowanceReasonCode", einvoice.AllowanceReasonCodeValues, 19,
		einvoice.AllowanceReason95, "41", "100", "105")
	checkList(t, "ChargeReasonCode", einvoice.ChargeReasonCodeValues, 178,
		einvoice.ChargeReasonFC, "AA", "ABL", "PC", "ZZZ")
	checkList(t, "VATCategory", einvoice.VATCategoryValues, 10,
		einvoice.VATStandard, einvoice.VATZeroRated, einvoice.VATExempt, einvoice.VATReverseCharge,
		einvoice.VATIntraCommunity, einvoice.VATExport, einvoice.VATNotSubject,
		einvoice.VATCanaryIslands, einvoice.VATCeutaMelilla, einvoice.VATSplitPayment)
	checkList(t, "TaxPointDateCode", einvoice.TaxPointDateCodeValues, 3,
		einvoice.TaxPointInvoiceDate, einvoice.TaxPointDeliveryDate, einvoice.TaxPointPaymentDate)
	checkList(t, "ReferenceCode", einvoice.ReferenceCodeValues, 818,
		einvoice.ReferenceAAA, "AAB", "ZZZ")
	checkList(t, "ClassificationScheme", einvoice.ClassificationSchemeValues, 185,
		einvoice.ClassificationHS, "STI", "TSN")
	checkList(t, "UnitCode", einvoice.UnitCodeValues, 2162,
		einvoice.UnitC62, einvoice.UnitH87, einvoice.Unit10, "KGM", "HUR", "LTR", "MTR", "XPP")
	checkList(t, "EASCode", einvoice.EASCodeValues, 104,
		einvoice.EAS0009, einvoice.EASEM, "0225", "9957", "0088")
	checkList(t, "ICDCode", einvoice.ICDCodeValues, 243,
		einvoice.ICD0009, "0002", "0060", "0088", "0223", "0224", "0225", "0238")
	checkList(t, "VATEXCode", einvoice.VATEXCodeValues, 88,
		einvoice.VATEX_EU_132_1A, "VATEX-EU-132", "VATEX-EU-AE", "VATEX-EU-O", "VATEX-FR-FRANCHISE")
	if einvoice.VATEXCode("vatex-eu-ae").Valid() {
		t.Error(`VATEXCode("vatex-eu-ae").Valid() = true`)
	}
	checkList(t, "SubjectCode", einvoice.SubjectCodeValues, 401,
		einvoice.SubjectAAB, einvoice.SubjectPMT, "AAI", "REG", "ZZZ")
	checkList(t, "MIMECode", einvoice.MIMECodeValues, 6,
		einvoice.MIMEPDF, einvoice.MIMEPNG, einvoice.MIMEJPEG, einvoice.MIMECSV,
		einvoice.MIMEXLSX, einvoice.MIMEODS)
	if einvoice.MIMECode("APPLICATION/PDF").Valid() || einvoice.MIMECode("image/gif").Valid() {
		t.Error("MIMECode accepts a code outside BR-CL-24")
	}
}

func TestCodeValuesOfNamedConstants(t *testing.T) {
	for _, tc := range []struct{ got, want string }{
		{string(einvoice.CurrencyEUR), "EUR"},
		{string(einvoice.Country1A), "1A"},
		{string(einvoice.VATStandard), "S"},
		{string(einvoice.VATZeroRated), "Z"},
		{string(einvoice.VATExempt), "E"},
		{string(einvoice.VATReverseCharge), "AE"},
		{string(einvoice.VATIntraCommunity), "K"},
		{string(einvoice.VATExport), "G"},
		{string(einvoice.VATNotSubject), "O"},
		{string(einvoice.VATCanaryIslands), "L"},
		{string(einvoice.VATCeutaMelilla), "M"},
		{string(einvoice.VATSplitPayment), "B"},
		{string(einvoice.TaxPointInvoiceDate), "3"},
		{string(einvoice.TaxPointDeliveryDate), "35"},
		{string(einvoice.TaxPointPaymentDate), "432"},
		{string(einvoice.MIMEPDF), "application/pdf"},
		{string(einvoice.MIMEPNG), "image/png"},
		{string(einvoice.MIMEJPEG), "image/jpeg"},
		{string(einvoice.MIMECSV), "text/csv"},
		{string(einvoice.MIMEXLSX), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
		{string(einvoice.MIMEODS), "application/vnd.oasis.opendocument.spreadsheet"},
		{string(einvoice.VATEX_EU_132_1A), "VATEX-EU-132-1A"},
		// Hand-written aliases.
		{string(einvoice.CommercialInvoice), "380"},
		{string(einvoice.CreditNote), "381"},
		{string(einvoice.DebitNote), "383"},
		{string(einvoice.CorrectedInvoice), "384"},
		{string(einvoice.PrepaymentInvoice), "386"},
		{string(einvoice.SelfBilledInvoice), "389"},
		{string(einvoice.SelfBilledCreditNote), "261"},
		{string(einvoice.PartialInvoice), "326"},
		{string(einvoice.FactoredInvoice), "393"},
		{string(einvoice.FactoredCreditNote), "396"},
		{string(einvoice.PaymentMeansNotDefined), "1"},
		{string(einvoice.PaymentMeansCash), "10"},
		{string(einvoice.PaymentMeansCheque), "20"},
		{string(einvoice.PaymentMeansCreditTransfer), "30"},
		{string(einvoice.PaymentMeansDebitTransfer), "31"},
		{string(einvoice.PaymentMeansPaymentToBankAccount), "42"},
		{string(einvoice.PaymentMeansBankCard), "48"},
		{string(einvoice.PaymentMeansDirectDebit), "49"},
		{string(einvoice.PaymentMeansCreditCard), "54"},
		{string(einvoice.PaymentMeansDebitCard), "55"},
		{string(einvoice.PaymentMeansStandingAgreement), "57"},
		{string(einvoice.PaymentMeansSEPACreditTransfer), "58"},
		{string(einvoice.PaymentMeansSEPADirectDebit), "59"},
		{string(einvoice.PaymentMeansOnlinePayment), "68"},
		{string(einvoice.PaymentMeansClearing), "97"},
		{string(einvoice.PaymentMeansMutuallyDefined), "ZZZ"},
		{string(einvoice.ICDSIREN), "0002"},
		{string(einvoice.ICDSIRET), "0009"},
		{string(einvoice.ICDDUNS), "0060"},
		{string(einvoice.ICDGLN), "0088"},
		{string(einvoice.EASFrenchVAT), "9957"},
		{string(einvoice.EASSIRET), "0009"},
		{string(einvoice.EASGLN), "0088"},
		{string(einvoice.EASEmail), "EM"},
		{string(einvoice.AllowanceReasonDiscount), "95"},
		{string(einvoice.ChargeReasonFreight), "FC"},
		{string(einvoice.ChargeReasonPacking), "PC"},
	} {
		if tc.got != tc.want {
			t.Errorf("constant is %q, want %q", tc.got, tc.want)
		}
	}
}

func TestCodeIsCreditNote(t *testing.T) {
	for _, c := range []einvoice.DocumentTypeCode{"381", "396", "261", "81", "83", "262", "296", "308", "420", "458", "502", "503", "532"} {
		if !c.IsCreditNote() {
			t.Errorf("%s.IsCreditNote() = false", c)
		}
	}
	for _, c := range []einvoice.DocumentTypeCode{"380", "384", "389", "386", "326", "393", "383", "", "999"} {
		if c.IsCreditNote() {
			t.Errorf("%s.IsCreditNote() = true", c)
		}
	}
	n := 0
	for _, c := range einvoice.DocumentTypeCodeValues() {
		if c.IsCreditNote() {
			n++
		}
	}
	if n != 13 {
		t.Errorf("%d credit note types, want 13", n)
	}
}
