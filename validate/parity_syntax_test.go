package validate_test

import (
	"bytes"
	"slices"
	"strings"

	"github.com/einvoice-go/einvoice"
)

// The syntax mutations: edits of the XML that keep it schema-valid but
// break a syntax binding rule of the CEN schematron (CII-SR, CII-DT,
// UBL-SR, UBL-CR, UBL-DT), which the decoders check.
//
// Left out, because no verdict can agree: a second amount of the document
// totals (the official schematron stops with XPTY0004 on it, giving no
// rule verdict), a TypeCode removed (the model holds an absent code as an
// empty one, for which BR-CL-01 fires), a tax other than VAT (the decoder
// lists it as not carried; the model has VAT only).

// locate finds each marker in turn and returns the offset of the last one,
// which opens an element ("<ram:ID"), or -1.
func locate(doc []byte, markers []string) int {
	at, start := 0, -1
	for _, m := range markers {
		i := bytes.Index(doc[at:], []byte(m))
		if i < 0 {
			return -1
		}
		start = at + i
		at = start + len(m)
	}
	if last := markers[len(markers)-1]; !strings.HasSuffix(last, ">") && at < len(doc) && doc[at] != '>' && doc[at] != ' ' && doc[at] != '/' {
		return -1 // a longer name
	}
	return start
}

// elementEnd returns the offset after the end of the element opened at
// start, its name being the marker's.
func elementEnd(doc []byte, start int, name string) int {
	gt := bytes.IndexByte(doc[start:], '>')
	if gt < 0 {
		return -1
	}
	if doc[start+gt-1] == '/' {
		return start + gt + 1
	}
	end := bytes.Index(doc[start:], []byte("</"+name+">"))
	if end < 0 {
		return -1
	}
	return start + end + len(name) + 3
}

// edit is an operation on the element that the last marker opens.
type edit func(doc []byte, start int, name string) ([]byte, bool)

// addAttr adds an attribute to the element's start tag.
func addAttr(attr string) edit {
	return func(doc []byte, start int, name string) ([]byte, bool) {
		at := start + 1 + len(name)
		return slices.Concat(doc[:at], []byte(" "+attr), doc[at:]), true
	}
}

// duplicate writes the element a second time, right after it.
func duplicate() edit {
	return func(doc []byte, start int, name string) ([]byte, bool) {
		end := elementEnd(doc, start, name)
		if end < 0 {
			return nil, false
		}
		return slices.Concat(doc[:end], doc[start:end], doc[end:]), true
	}
}

// drop removes the element.
func drop() edit {
	return func(doc []byte, start int, name string) ([]byte, bool) {
		end := elementEnd(doc, start, name)
		if end < 0 {
			return nil, false
		}
		return slices.Concat(doc[:start], doc[end:]), true
	}
}

// after writes text right after the element.
func after(text string) edit {
	return func(doc []byte, start int, name string) ([]byte, bool) {
		end := elementEnd(doc, start, name)
		if end < 0 {
			return nil, false
		}
		return slices.Concat(doc[:end], []byte(text), doc[end:]), true
	}
}

// xmlEdit is a text mutation of one syntax: it applies op to the element
// the markers lead to.
func xmlEdit(name string, ubl bool, prep func(*einvoice.Invoice) bool, markers []string, op edit) textMutation {
	return textMutation{name, prep, func(doc []byte, isUBL bool) ([]byte, bool) {
		if isUBL != ubl {
			return nil, false
		}
		start := locate(doc, markers)
		if start < 0 {
			return nil, false
		}
		last := markers[len(markers)-1]
		return op(doc, start, strings.TrimSuffix(last[1:], ">"))
	}}
}

func ciiEdit(name string, prep func(*einvoice.Invoice) bool, markers []string, op edit) textMutation {
	return xmlEdit("cii-"+name, false, prep, markers, op)
}

func ublEdit(name string, prep func(*einvoice.Invoice) bool, markers []string, op edit) textMutation {
	return xmlEdit("ubl-"+name, true, prep, markers, op)
}

var (
	ciiDocID      = []string{"<rsm:ExchangedDocument>", "<ram:ID"}
	ciiDocType    = []string{"<rsm:ExchangedDocument>", "<ram:TypeCode"}
	ciiSellerAddr = []string{"<ram:SellerTradeParty>", "<ram:PostalTradeAddress>", "<ram:CountryID"}
	ciiQuantity   = []string{"<ram:SpecifiedLineTradeDelivery>", "<ram:BilledQuantity"}
	ciiLineNet    = []string{"<ram:SpecifiedTradeSettlementLineMonetarySummation>", "<ram:LineTotalAmount"}
	ublSeller     = "<cac:AccountingSupplierParty>"
	ublCustomer   = "<cac:AccountingCustomerParty>"
)

// syntaxMutations returns the syntax mutations.
func syntaxMutations() []textMutation {
	var out []textMutation
	// The attributes EN 16931 does not use (CII-DT-*).
	for i, attr := range []string{`schemeName="x"`, `schemeAgencyName="x"`, `schemeDataURI="x"`, `schemeURI="x"`, `schemeAgencyID="x"`, `schemeVersionID="1"`} {
		out = append(out, ciiEdit("doc-id-attr-"+string(rune('a'+i)), nil, ciiDocID, addAttr(attr)))
	}
	for i, attr := range []string{`name="x"`, `listURI="x"`, `listID="x"`, `listAgencyID="6"`, `listVersionID="1"`} {
		out = append(out, ciiEdit("type-code-attr-"+string(rune('a'+i)), nil, ciiDocType, addAttr(attr)))
	}
	out = append(out,
		ciiEdit("line-net-currency", nil, ciiLineNet, addAttr(`currencyID="EUR"`)),
		ciiEdit("line-net-currency-version", nil, ciiLineNet, addAttr(`currencyCodeListVersionID="1"`)),
		ciiEdit("quantity-unit-list", nil, ciiQuantity, addAttr(`unitCodeListID="x"`)),
		ciiEdit("quantity-unit-agency", nil, ciiQuantity, addAttr(`unitCodeListAgencyID="6"`)),
		ciiEdit("quantity-unit-agency-name", nil, ciiQuantity, addAttr(`unitCodeListAgencyName="x"`)),
		ciiEdit("note-language", nil, []string{"<ram:IncludedNote>", "<ram:Content"}, addAttr(`languageID="fr"`)),
		ciiEdit("note-locale", nil, []string{"<ram:IncludedNote>", "<ram:Content"}, addAttr(`languageLocaleID="fr-FR"`)),
		ciiEdit("seller-country-name", nil, ciiSellerAddr, after("<ram:CountryName>France</ram:CountryName>")),
		ciiEdit("no-guideline", nil, []string{"<rsm:ExchangedDocumentContext>", "<ram:GuidelineSpecifiedDocumentContextParameter"}, drop()),
		ciiEdit("two-seller-contacts", nil, []string{"<ram:SellerTradeParty>", "<ram:DefinedTradeContact"}, duplicate()),
		ciiEdit("two-payment-references", nil, []string{"<ram:ApplicableHeaderTradeSettlement>", "<ram:PaymentReference"}, duplicate()),
		ciiEdit("two-buyer-contacts", nil, []string{"<ram:BuyerTradeParty>", "<ram:DefinedTradeContact"}, duplicate()),
		ciiEdit("two-seller-addresses", nil, []string{"<ram:SellerTradeParty>", "<ram:URIUniversalCommunication"}, duplicate()),
		ciiEdit("two-buyer-addresses", nil, []string{"<ram:BuyerTradeParty>", "<ram:URIUniversalCommunication"}, duplicate()),
		ublEdit("two-seller-names", nil, []string{ublSeller, "<cac:PartyLegalEntity>", "<cbc:RegistrationName"}, duplicate()),
		ublEdit("two-customer-names", nil, []string{ublCustomer, "<cac:PartyLegalEntity>", "<cbc:RegistrationName"}, duplicate()),
		ublEdit("two-customer-party-names", func(inv *einvoice.Invoice) bool { inv.Buyer.TradingName = "Démo"; return true },
			[]string{ublCustomer, "<cac:PartyName>"}, duplicate()),
		ublEdit("two-seller-party-names", nil, []string{ublSeller, "<cac:PartyName>"}, duplicate()),
		ublEdit("two-payment-ids", nil, []string{"<cac:PaymentMeans>", "<cbc:PaymentID"}, duplicate()),
		ublEdit("two-payment-means-codes", nil, []string{"<cac:PaymentMeans>", "<cbc:PaymentMeansCode"}, duplicate()),
		ublEdit("amount-decimals-tax", nil, []string{"<cac:TaxTotal>", "<cbc:TaxAmount"}, func(doc []byte, start int, name string) ([]byte, bool) {
			gt := bytes.IndexByte(doc[start:], '>')
			lt := bytes.IndexByte(doc[start+gt:], '<')
			if gt < 0 || lt < 0 || !bytes.Contains(doc[start+gt:start+gt+lt], []byte(".")) {
				return nil, false
			}
			at := start + gt + lt
			return slices.Concat(doc[:at], []byte("1"), doc[at:]), true
		}),
		ublEdit("two-invoice-periods", nil, []string{"<cac:InvoicePeriod"}, duplicate()),
		ublEdit("two-line-notes", nil, []string{"<cac:InvoiceLine>", "<cbc:Note"}, duplicate()),
		ublEdit("ubl-version", nil, []string{"<cbc:CustomizationID"}, func(doc []byte, start int, name string) ([]byte, bool) {
			return slices.Concat(doc[:start], []byte("<cbc:UBLVersionID>2.0</cbc:UBLVersionID>"), doc[start:]), true
		}),
	)
	return out
}
