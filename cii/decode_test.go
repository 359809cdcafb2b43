package cii

import (
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/einvoice-go/einvoice"
	"github.com/einvoice-go/einvoice/internal/conformance"
	"github.com/einvoice-go/einvoice/internal/modeltest"
	"github.com/shopspring/decimal"
)

// genHead, genLine and genTail make an EN 16931 invoice of any number of
// lines, with most terms of the norm, for the benchmarks and the tests.
const genHead = `<?xml version="1.0" encoding="UTF-8"?>
<rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100" xmlns:qdt="urn:un:unece:uncefact:data:standard:QualifiedDataType:100" xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100" xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100">
  <rsm:ExchangedDocumentContext>
    <ram:BusinessProcessSpecifiedDocumentContextParameter>
      <ram:ID>A1</ram:ID>
    </ram:BusinessProcessSpecifiedDocumentContextParameter>
    <ram:GuidelineSpecifiedDocumentContextParameter>
      <ram:ID>urn:cen.eu:en16931:2017</ram:ID>
    </ram:GuidelineSpecifiedDocumentContextParameter>
  </rsm:ExchangedDocumentContext>
  <rsm:ExchangedDocument>
    <ram:ID>F-2026-0042</ram:ID>
    <ram:TypeCode>380</ram:TypeCode>
    <ram:IssueDateTime>
      <udt:DateTimeString format="102">20260115</udt:DateTimeString>
    </ram:IssueDateTime>
    <ram:IncludedNote>
      <ram:Content>Pénalités de retard : trois fois le taux d'intérêt légal.</ram:Content>
      <ram:SubjectCode>PMD</ram:SubjectCode>
    </ram:IncludedNote>
    <ram:IncludedNote>
      <ram:Content>Indemnité forfaitaire pour frais de recouvrement : 40 €.</ram:Content>
      <ram:SubjectCode>PMT</ram:SubjectCode>
    </ram:IncludedNote>
  </rsm:ExchangedDocument>
  <rsm:SupplyChainTradeTransaction>
`

const genLine = `    <ram:IncludedSupplyChainTradeLineItem>
      <ram:AssociatedDocumentLineDocument>
        <ram:LineID>$N</ram:LineID>
        <ram:IncludedNote>
          <ram:Content>Line note $N</ram:Content>
        </ram:IncludedNote>
      </ram:AssociatedDocumentLineDocument>
      <ram:SpecifiedTradeProduct>
        <ram:GlobalID schemeID="0160">40123450012$N</ram:GlobalID>
        <ram:SellerAssignedID>SKU-$N</ram:SellerAssignedID>
        <ram:BuyerAssignedID>B-$N</ram:BuyerAssignedID>
        <ram:Name>Article $N</ram:Name>
        <ram:Description>Description of article $N</ram:Description>
        <ram:ApplicableProductCharacteristic>
          <ram:Description>Colour</ram:Description>
          <ram:Value>Blue</ram:Value>
        </ram:ApplicableProductCharacteristic>
        <ram:DesignatedProductClassification>
          <ram:ClassCode listID="STI" listVersionID="2.1">1234</ram:ClassCode>
        </ram:DesignatedProductClassification>
        <ram:OriginTradeCountry>
          <ram:ID>FR</ram:ID>
        </ram:OriginTradeCountry>
      </ram:SpecifiedTradeProduct>
      <ram:SpecifiedLineTradeAgreement>
        <ram:BuyerOrderReferencedDocument>
          <ram:LineID>$N</ram:LineID>
        </ram:BuyerOrderReferencedDocument>
        <ram:GrossPriceProductTradePrice>
          <ram:ChargeAmount>10.5000</ram:ChargeAmount>
          <ram:AppliedTradeAllowanceCharge>
            <ram:ChargeIndicator>
              <udt:Indicator>false</udt:Indicator>
            </ram:ChargeIndicator>
            <ram:ActualAmount>0.5000</ram:ActualAmount>
          </ram:AppliedTradeAllowanceCharge>
        </ram:GrossPriceProductTradePrice>
        <ram:NetPriceProductTradePrice>
          <ram:ChargeAmount>10.0000</ram:ChargeAmount>
          <ram:BasisQuantity unitCode="C62">1</ram:BasisQuantity>
        </ram:NetPriceProductTradePrice>
      </ram:SpecifiedLineTradeAgreement>
      <ram:SpecifiedLineTradeDelivery>
        <ram:BilledQuantity unitCode="C62">2.000</ram:BilledQuantity>
      </ram:SpecifiedLineTradeDelivery>
      <ram:SpecifiedLineTradeSettlement>
        <ram:ApplicableTradeTax>
          <ram:TypeCode>VAT</ram:TypeCode>
          <ram:CategoryCode>S</ram:CategoryCode>
          <ram:RateApplicablePercent>20.00</ram:RateApplicablePercent>
        </ram:ApplicableTradeTax>
        <ram:BillingSpecifiedPeriod>
          <ram:StartDateTime>
            <udt:DateTimeString format="102">20260101</udt:DateTimeString>
          </ram:StartDateTime>
          <ram:EndDateTime>
            <udt:DateTimeString format="102">20260131</udt:DateTimeString>
          </ram:EndDateTime>
        </ram:BillingSpecifiedPeriod>
        <ram:SpecifiedTradeAllowanceCharge>
          <ram:ChargeIndicator>
            <udt:Indicator>false</udt:Indicator>
          </ram:ChargeIndicator>
          <ram:CalculationPercent>5.00</ram:CalculationPercent>
          <ram:BasisAmount>20.00</ram:BasisAmount>
          <ram:ActualAmount>1.00</ram:ActualAmount>
          <ram:ReasonCode>95</ram:ReasonCode>
          <ram:Reason>Discount</ram:Reason>
        </ram:SpecifiedTradeAllowanceCharge>
        <ram:SpecifiedTradeAllowanceCharge>
          <ram:ChargeIndicator>
            <udt:Indicator>true</udt:Indicator>
          </ram:ChargeIndicator>
          <ram:ActualAmount>1.00</ram:ActualAmount>
          <ram:ReasonCode>FC</ram:ReasonCode>
        </ram:SpecifiedTradeAllowanceCharge>
        <ram:SpecifiedTradeSettlementLineMonetarySummation>
          <ram:LineTotalAmount>20.00</ram:LineTotalAmount>
        </ram:SpecifiedTradeSettlementLineMonetarySummation>
        <ram:AdditionalReferencedDocument>
          <ram:IssuerAssignedID>OBJ-$N</ram:IssuerAssignedID>
          <ram:TypeCode>130</ram:TypeCode>
          <ram:ReferenceTypeCode>AWV</ram:ReferenceTypeCode>
        </ram:AdditionalReferencedDocument>
        <ram:ReceivableSpecifiedTradeAccountingAccount>
          <ram:ID>6064</ram:ID>
        </ram:ReceivableSpecifiedTradeAccountingAccount>
      </ram:SpecifiedLineTradeSettlement>
    </ram:IncludedSupplyChainTradeLineItem>
`

const genTail = `    <ram:ApplicableHeaderTradeAgreement>
      <ram:BuyerReference>SERVICE-42</ram:BuyerReference>
      <ram:SellerTradeParty>
        <ram:ID>S-001</ram:ID>
        <ram:GlobalID schemeID="0009">12345678900017</ram:GlobalID>
        <ram:Name>Vendeur SAS</ram:Name>
        <ram:Description>SAS au capital de 10 000 €</ram:Description>
        <ram:SpecifiedLegalOrganization>
          <ram:ID schemeID="0002">123456789</ram:ID>
          <ram:TradingBusinessName>Vendeur</ram:TradingBusinessName>
        </ram:SpecifiedLegalOrganization>
        <ram:DefinedTradeContact>
          <ram:PersonName>Jeanne Martin</ram:PersonName>
          <ram:TelephoneUniversalCommunication>
            <ram:CompleteNumber>+33 1 23 45 67 89</ram:CompleteNumber>
          </ram:TelephoneUniversalCommunication>
          <ram:EmailURIUniversalCommunication>
            <ram:URIID>jeanne@vendeur.example</ram:URIID>
          </ram:EmailURIUniversalCommunication>
        </ram:DefinedTradeContact>
        <ram:PostalTradeAddress>
          <ram:PostcodeCode>75001</ram:PostcodeCode>
          <ram:LineOne>1 rue de la Paix</ram:LineOne>
          <ram:LineTwo>Bâtiment A</ram:LineTwo>
          <ram:LineThree>3e étage</ram:LineThree>
          <ram:CityName>Paris</ram:CityName>
          <ram:CountryID>FR</ram:CountryID>
          <ram:CountrySubDivisionName>Île-de-France</ram:CountrySubDivisionName>
        </ram:PostalTradeAddress>
        <ram:URIUniversalCommunication>
          <ram:URIID schemeID="0225">123456789_STATUTS</ram:URIID>
        </ram:URIUniversalCommunication>
        <ram:SpecifiedTaxRegistration>
          <ram:ID schemeID="VA">FR32123456789</ram:ID>
        </ram:SpecifiedTaxRegistration>
        <ram:SpecifiedTaxRegistration>
          <ram:ID schemeID="FC">123/456/789</ram:ID>
        </ram:SpecifiedTaxRegistration>
      </ram:SellerTradeParty>
      <ram:BuyerTradeParty>
        <ram:GlobalID schemeID="0009">98765432100015</ram:GlobalID>
        <ram:Name>Acheteur SA</ram:Name>
        <ram:SpecifiedLegalOrganization>
          <ram:ID schemeID="0002">987654321</ram:ID>
          <ram:TradingBusinessName>Acheteur</ram:TradingBusinessName>
        </ram:SpecifiedLegalOrganization>
        <ram:DefinedTradeContact>
          <ram:DepartmentName>Comptabilité</ram:DepartmentName>
          <ram:TelephoneUniversalCommunication>
            <ram:CompleteNumber>+33 4 00 00 00 00</ram:CompleteNumber>
          </ram:TelephoneUniversalCommunication>
        </ram:DefinedTradeContact>
        <ram:PostalTradeAddress>
          <ram:PostcodeCode>69001</ram:PostcodeCode>
          <ram:LineOne>2 place Bellecour</ram:LineOne>
          <ram:CityName>Lyon</ram:CityName>
          <ram:CountryID>FR</ram:CountryID>
        </ram:PostalTradeAddress>
        <ram:URIUniversalCommunication>
          <ram:URIID schemeID="0009">98765432100015</ram:URIID>
        </ram:URIUniversalCommunication>
        <ram:SpecifiedTaxRegistration>
          <ram:ID schemeID="VA">FR11987654321</ram:ID>
        </ram:SpecifiedTaxRegistration>
      </ram:BuyerTradeParty>
      <ram:SellerTaxRepresentativeTradeParty>
        <ram:Name>Représentant fiscal</ram:Name>
        <ram:PostalTradeAddress>
          <ram:PostcodeCode>13001</ram:PostcodeCode>
          <ram:LineOne>3 quai du Port</ram:LineOne>
          <ram:CityName>Marseille</ram:CityName>
          <ram:CountryID>FR</ram:CountryID>
        </ram:PostalTradeAddress>
        <ram:SpecifiedTaxRegistration>
          <ram:ID schemeID="VA">FR55111222333</ram:ID>
        </ram:SpecifiedTaxRegistration>
      </ram:SellerTaxRepresentativeTradeParty>
      <ram:SellerOrderReferencedDocument>
        <ram:IssuerAssignedID>SO-1</ram:IssuerAssignedID>
      </ram:SellerOrderReferencedDocument>
      <ram:BuyerOrderReferencedDocument>
        <ram:IssuerAssignedID>PO-1</ram:IssuerAssignedID>
      </ram:BuyerOrderReferencedDocument>
      <ram:ContractReferencedDocument>
        <ram:IssuerAssignedID>CT-1</ram:IssuerAssignedID>
      </ram:ContractReferencedDocument>
      <ram:AdditionalReferencedDocument>
        <ram:IssuerAssignedID>ATT-1</ram:IssuerAssignedID>
        <ram:URIID>https://example.com/att-1</ram:URIID>
        <ram:TypeCode>916</ram:TypeCode>
        <ram:Name>Timesheet</ram:Name>
        <ram:AttachmentBinaryObject mimeCode="text/csv" filename="timesheet.csv">aGVsbG8s
          d29ybGQK</ram:AttachmentBinaryObject>
      </ram:AdditionalReferencedDocument>
      <ram:AdditionalReferencedDocument>
        <ram:IssuerAssignedID>LOT-7</ram:IssuerAssignedID>
        <ram:TypeCode>50</ram:TypeCode>
      </ram:AdditionalReferencedDocument>
      <ram:AdditionalReferencedDocument>
        <ram:IssuerAssignedID>METER-9</ram:IssuerAssignedID>
        <ram:TypeCode>130</ram:TypeCode>
        <ram:ReferenceTypeCode>AWV</ram:ReferenceTypeCode>
      </ram:AdditionalReferencedDocument>
      <ram:SpecifiedProcuringProject>
        <ram:ID>PRJ-3</ram:ID>
        <ram:Name>Project reference</ram:Name>
      </ram:SpecifiedProcuringProject>
    </ram:ApplicableHeaderTradeAgreement>
    <ram:ApplicableHeaderTradeDelivery>
      <ram:ShipToTradeParty>
        <ram:GlobalID schemeID="0088">4000001000005</ram:GlobalID>
        <ram:Name>Entrepôt</ram:Name>
        <ram:PostalTradeAddress>
          <ram:PostcodeCode>67000</ram:PostcodeCode>
          <ram:LineOne>4 allée du Dépôt</ram:LineOne>
          <ram:CityName>Strasbourg</ram:CityName>
          <ram:CountryID>FR</ram:CountryID>
        </ram:PostalTradeAddress>
      </ram:ShipToTradeParty>
      <ram:ActualDeliverySupplyChainEvent>
        <ram:OccurrenceDateTime>
          <udt:DateTimeString format="102">20260110</udt:DateTimeString>
        </ram:OccurrenceDateTime>
      </ram:ActualDeliverySupplyChainEvent>
      <ram:DespatchAdviceReferencedDocument>
        <ram:IssuerAssignedID>DA-1</ram:IssuerAssignedID>
      </ram:DespatchAdviceReferencedDocument>
      <ram:ReceivingAdviceReferencedDocument>
        <ram:IssuerAssignedID>RA-1</ram:IssuerAssignedID>
      </ram:ReceivingAdviceReferencedDocument>
    </ram:ApplicableHeaderTradeDelivery>
    <ram:ApplicableHeaderTradeSettlement>
      <ram:CreditorReferenceID>FR00ZZZ123456</ram:CreditorReferenceID>
      <ram:PaymentReference>F-2026-0042</ram:PaymentReference>
      <ram:TaxCurrencyCode>EUR</ram:TaxCurrencyCode>
      <ram:InvoiceCurrencyCode>EUR</ram:InvoiceCurrencyCode>
      <ram:PayeeTradeParty>
        <ram:GlobalID schemeID="0009">55555555500011</ram:GlobalID>
        <ram:Name>Factor SA</ram:Name>
        <ram:SpecifiedLegalOrganization>
          <ram:ID schemeID="0002">555555555</ram:ID>
        </ram:SpecifiedLegalOrganization>
      </ram:PayeeTradeParty>
      <ram:SpecifiedTradeSettlementPaymentMeans>
        <ram:TypeCode>58</ram:TypeCode>
        <ram:Information>Virement SEPA</ram:Information>
        <ram:ApplicableTradeSettlementFinancialCard>
          <ram:ID>1234</ram:ID>
          <ram:CardholderName>J. Martin</ram:CardholderName>
        </ram:ApplicableTradeSettlementFinancialCard>
        <ram:PayerPartyDebtorFinancialAccount>
          <ram:IBANID>FR7630001007941234567890185</ram:IBANID>
        </ram:PayerPartyDebtorFinancialAccount>
        <ram:PayeePartyCreditorFinancialAccount>
          <ram:IBANID>FR7630006000011234567890189</ram:IBANID>
          <ram:AccountName>Vendeur SAS</ram:AccountName>
        </ram:PayeePartyCreditorFinancialAccount>
        <ram:PayeeSpecifiedCreditorFinancialInstitution>
          <ram:BICID>AGRIFRPP</ram:BICID>
        </ram:PayeeSpecifiedCreditorFinancialInstitution>
      </ram:SpecifiedTradeSettlementPaymentMeans>
      <ram:SpecifiedTradeSettlementPaymentMeans>
        <ram:TypeCode>58</ram:TypeCode>
        <ram:Information>Virement SEPA</ram:Information>
        <ram:PayeePartyCreditorFinancialAccount>
          <ram:AccountName>Second</ram:AccountName>
          <ram:ProprietaryID>ACC-2</ram:ProprietaryID>
        </ram:PayeePartyCreditorFinancialAccount>
      </ram:SpecifiedTradeSettlementPaymentMeans>
      <ram:ApplicableTradeTax>
        <ram:CalculatedAmount>$VAT</ram:CalculatedAmount>
        <ram:TypeCode>VAT</ram:TypeCode>
        <ram:BasisAmount>$NET</ram:BasisAmount>
        <ram:CategoryCode>S</ram:CategoryCode>
        <ram:DueDateTypeCode>5</ram:DueDateTypeCode>
        <ram:RateApplicablePercent>20.00</ram:RateApplicablePercent>
      </ram:ApplicableTradeTax>
      <ram:ApplicableTradeTax>
        <ram:CalculatedAmount>0.00</ram:CalculatedAmount>
        <ram:TypeCode>VAT</ram:TypeCode>
        <ram:ExemptionReason>Exonération</ram:ExemptionReason>
        <ram:BasisAmount>0.00</ram:BasisAmount>
        <ram:CategoryCode>E</ram:CategoryCode>
        <ram:ExemptionReasonCode>VATEX-EU-132</ram:ExemptionReasonCode>
        <ram:DueDateTypeCode>5</ram:DueDateTypeCode>
        <ram:RateApplicablePercent>0</ram:RateApplicablePercent>
      </ram:ApplicableTradeTax>
      <ram:BillingSpecifiedPeriod>
        <ram:StartDateTime>
          <udt:DateTimeString format="102">20260101</udt:DateTimeString>
        </ram:StartDateTime>
        <ram:EndDateTime>
          <udt:DateTimeString format="102">20260131</udt:DateTimeString>
        </ram:EndDateTime>
      </ram:BillingSpecifiedPeriod>
      <ram:SpecifiedTradeAllowanceCharge>
        <ram:ChargeIndicator>
          <udt:Indicator>true</udt:Indicator>
        </ram:ChargeIndicator>
        <ram:ActualAmount>0.00</ram:ActualAmount>
        <ram:ReasonCode>FC</ram:ReasonCode>
        <ram:Reason>Freight</ram:Reason>
        <ram:CategoryTradeTax>
          <ram:TypeCode>VAT</ram:TypeCode>
          <ram:CategoryCode>S</ram:CategoryCode>
          <ram:RateApplicablePercent>20.00</ram:RateApplicablePercent>
        </ram:CategoryTradeTax>
      </ram:SpecifiedTradeAllowanceCharge>
      <ram:SpecifiedTradeAllowanceCharge>
        <ram:ChargeIndicator>
          <udt:Indicator>false</udt:Indicator>
        </ram:ChargeIndicator>
        <ram:CalculationPercent>0</ram:CalculationPercent>
        <ram:BasisAmount>$NET</ram:BasisAmount>
        <ram:ActualAmount>0.00</ram:ActualAmount>
        <ram:ReasonCode>95</ram:ReasonCode>
        <ram:CategoryTradeTax>
          <ram:TypeCode>VAT</ram:TypeCode>
          <ram:CategoryCode>S</ram:CategoryCode>
          <ram:RateApplicablePercent>20.00</ram:RateApplicablePercent>
        </ram:CategoryTradeTax>
      </ram:SpecifiedTradeAllowanceCharge>
      <ram:SpecifiedTradePaymentTerms>
        <ram:Description>30 jours net</ram:Description>
        <ram:DueDateDateTime>
          <udt:DateTimeString format="102">20260214</udt:DateTimeString>
        </ram:DueDateDateTime>
        <ram:DirectDebitMandateID>MANDATE-1</ram:DirectDebitMandateID>
      </ram:SpecifiedTradePaymentTerms>
      <ram:SpecifiedTradeSettlementHeaderMonetarySummation>
        <ram:LineTotalAmount>$NET</ram:LineTotalAmount>
        <ram:ChargeTotalAmount>0.00</ram:ChargeTotalAmount>
        <ram:AllowanceTotalAmount>0.00</ram:AllowanceTotalAmount>
        <ram:TaxBasisTotalAmount>$NET</ram:TaxBasisTotalAmount>
        <ram:TaxTotalAmount currencyID="EUR">$VAT</ram:TaxTotalAmount>
        <ram:RoundingAmount>0.00</ram:RoundingAmount>
        <ram:GrandTotalAmount>$GROSS</ram:GrandTotalAmount>
        <ram:TotalPrepaidAmount>0.00</ram:TotalPrepaidAmount>
        <ram:DuePayableAmount>$GROSS</ram:DuePayableAmount>
      </ram:SpecifiedTradeSettlementHeaderMonetarySummation>
      <ram:InvoiceReferencedDocument>
        <ram:IssuerAssignedID>F-2025-0999</ram:IssuerAssignedID>
        <ram:FormattedIssueDateTime>
          <qdt:DateTimeString format="102">20251215</qdt:DateTimeString>
        </ram:FormattedIssueDateTime>
      </ram:InvoiceReferencedDocument>
      <ram:ReceivableSpecifiedTradeAccountingAccount>
        <ram:ID>411000</ram:ID>
      </ram:ReceivableSpecifiedTradeAccountingAccount>
    </ram:ApplicableHeaderTradeSettlement>
  </rsm:SupplyChainTradeTransaction>
</rsm:CrossIndustryInvoice>
`

// genInvoice returns the generated invoice with n lines of 20.00 net at 20%.
func genInvoice(n int) []byte { return genDoc(genLine, genTail, n) }

// benchInvoice returns a typical EN 16931 invoice of n lines: about 16 KB
// for 10 lines, 1.1 KB more for each line.
func benchInvoice(n int) []byte { return genDoc(benchLine, benchTail, n) }

// genDoc returns an invoice of n lines from a template line and the
// template of what follows the lines.
func genDoc(line, tail string, n int) []byte {
	var b strings.Builder
	b.Grow(len(genHead) + n*len(line) + len(tail) + n*16)
	b.WriteString(genHead)
	for i := 1; i <= n; i++ {
		b.WriteString(strings.ReplaceAll(line, "$N", strconv.Itoa(i)))
	}
	cents := func(c int) string { return strconv.Itoa(c/100) + "." + strconv.Itoa(c%100/10) + strconv.Itoa(c%10) }
	net := n * 2000
	vat := net / 5
	b.WriteString(strings.NewReplacer("$NET", cents(net), "$VAT", cents(vat), "$GROSS", cents(net+vat)).Replace(tail))
	return []byte(b.String())
}

// benchTail is a typical end of an EN 16931 invoice.
const benchTail = `    <ram:ApplicableHeaderTradeAgreement>
      <ram:BuyerReference>SERVICE-42</ram:BuyerReference>
      <ram:SellerTradeParty>
        <ram:GlobalID schemeID="0009">12345678900017</ram:GlobalID>
        <ram:Name>Vendeur SAS</ram:Name>
        <ram:SpecifiedLegalOrganization>
          <ram:ID schemeID="0002">123456789</ram:ID>
        </ram:SpecifiedLegalOrganization>
        <ram:PostalTradeAddress>
          <ram:PostcodeCode>75001</ram:PostcodeCode>
          <ram:LineOne>1 rue de la Paix</ram:LineOne>
          <ram:CityName>Paris</ram:CityName>
          <ram:CountryID>FR</ram:CountryID>
        </ram:PostalTradeAddress>
        <ram:URIUniversalCommunication>
          <ram:URIID schemeID="0225">123456789_STATUTS</ram:URIID>
        </ram:URIUniversalCommunication>
        <ram:SpecifiedTaxRegistration>
          <ram:ID schemeID="VA">FR32123456789</ram:ID>
        </ram:SpecifiedTaxRegistration>
      </ram:SellerTradeParty>
      <ram:BuyerTradeParty>
        <ram:GlobalID schemeID="0009">98765432100015</ram:GlobalID>
        <ram:Name>Acheteur SA</ram:Name>
        <ram:PostalTradeAddress>
          <ram:PostcodeCode>69001</ram:PostcodeCode>
          <ram:LineOne>2 place Bellecour</ram:LineOne>
          <ram:CityName>Lyon</ram:CityName>
          <ram:CountryID>FR</ram:CountryID>
        </ram:PostalTradeAddress>
        <ram:URIUniversalCommunication>
          <ram:URIID schemeID="0009">98765432100015</ram:URIID>
        </ram:URIUniversalCommunication>
      </ram:BuyerTradeParty>
      <ram:BuyerOrderReferencedDocument>
        <ram:IssuerAssignedID>PO-1</ram:IssuerAssignedID>
      </ram:BuyerOrderReferencedDocument>
    </ram:ApplicableHeaderTradeAgreement>
    <ram:ApplicableHeaderTradeDelivery>
      <ram:ActualDeliverySupplyChainEvent>
        <ram:OccurrenceDateTime>
          <udt:DateTimeString format="102">20260110</udt:DateTimeString>
        </ram:OccurrenceDateTime>
      </ram:ActualDeliverySupplyChainEvent>
    </ram:ApplicableHeaderTradeDelivery>
    <ram:ApplicableHeaderTradeSettlement>
      <ram:PaymentReference>F-2026-0042</ram:PaymentReference>
      <ram:InvoiceCurrencyCode>EUR</ram:InvoiceCurrencyCode>
      <ram:SpecifiedTradeSettlementPaymentMeans>
        <ram:TypeCode>58</ram:TypeCode>
        <ram:PayeePartyCreditorFinancialAccount>
          <ram:IBANID>FR7630006000011234567890189</ram:IBANID>
        </ram:PayeePartyCreditorFinancialAccount>
      </ram:SpecifiedTradeSettlementPaymentMeans>
      <ram:ApplicableTradeTax>
        <ram:CalculatedAmount>$VAT</ram:CalculatedAmount>
        <ram:TypeCode>VAT</ram:TypeCode>
        <ram:BasisAmount>$NET</ram:BasisAmount>
        <ram:CategoryCode>S</ram:CategoryCode>
        <ram:DueDateTypeCode>5</ram:DueDateTypeCode>
        <ram:RateApplicablePercent>20.00</ram:RateApplicablePercent>
      </ram:ApplicableTradeTax>
      <ram:SpecifiedTradePaymentTerms>
        <ram:Description>30 jours net</ram:Description>
        <ram:DueDateDateTime>
          <udt:DateTimeString format="102">20260214</udt:DateTimeString>
        </ram:DueDateDateTime>
      </ram:SpecifiedTradePaymentTerms>
      <ram:SpecifiedTradeSettlementHeaderMonetarySummation>
        <ram:LineTotalAmount>$NET</ram:LineTotalAmount>
        <ram:TaxBasisTotalAmount>$NET</ram:TaxBasisTotalAmount>
        <ram:TaxTotalAmount currencyID="EUR">$VAT</ram:TaxTotalAmount>
        <ram:GrandTotalAmount>$GROSS</ram:GrandTotalAmount>
        <ram:DuePayableAmount>$GROSS</ram:DuePayableAmount>
      </ram:SpecifiedTradeSettlementHeaderMonetarySummation>
    </ram:ApplicableHeaderTradeSettlement>
  </rsm:SupplyChainTradeTransaction>
</rsm:CrossIndustryInvoice>
`

// benchLine is a typical EN 16931 line, about 1.1 KB.
const benchLine = `    <ram:IncludedSupplyChainTradeLineItem>
      <ram:AssociatedDocumentLineDocument>
        <ram:LineID>$N</ram:LineID>
      </ram:AssociatedDocumentLineDocument>
      <ram:SpecifiedTradeProduct>
        <ram:GlobalID schemeID="0160">40123450012$N</ram:GlobalID>
        <ram:SellerAssignedID>SKU-$N</ram:SellerAssignedID>
        <ram:Name>Article $N</ram:Name>
      </ram:SpecifiedTradeProduct>
      <ram:SpecifiedLineTradeAgreement>
        <ram:GrossPriceProductTradePrice>
          <ram:ChargeAmount>10.0000</ram:ChargeAmount>
        </ram:GrossPriceProductTradePrice>
        <ram:NetPriceProductTradePrice>
          <ram:ChargeAmount>10.0000</ram:ChargeAmount>
        </ram:NetPriceProductTradePrice>
      </ram:SpecifiedLineTradeAgreement>
      <ram:SpecifiedLineTradeDelivery>
        <ram:BilledQuantity unitCode="C62">2.0000</ram:BilledQuantity>
      </ram:SpecifiedLineTradeDelivery>
      <ram:SpecifiedLineTradeSettlement>
        <ram:ApplicableTradeTax>
          <ram:TypeCode>VAT</ram:TypeCode>
          <ram:CategoryCode>S</ram:CategoryCode>
          <ram:RateApplicablePercent>20.00</ram:RateApplicablePercent>
        </ram:ApplicableTradeTax>
        <ram:SpecifiedTradeSettlementLineMonetarySummation>
          <ram:LineTotalAmount>20.00</ram:LineTotalAmount>
        </ram:SpecifiedTradeSettlementLineMonetarySummation>
      </ram:SpecifiedLineTradeSettlement>
    </ram:IncludedSupplyChainTradeLineItem>
`

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func decp(s string) *decimal.Decimal { d := dec(s); return &d }

func day(y int, m time.Month, d int) einvoice.Date { return einvoice.NewDate(y, m, d) }

// exact formats a decimal with its own number of decimals, as written.
func exact(d decimal.Decimal) string {
	if d.Exponent() < 0 {
		return d.StringFixed(-d.Exponent())
	}
	return d.String()
}

func decodeString(t *testing.T, s string) *Document {
	t.Helper()
	doc, err := Decode(strings.NewReader(s))
	if err != nil {
		t.Fatalf("Decode: %v", err)
	}
	return doc
}

// genLineWant is the model of line n of genInvoice.
func genLineWant(n int) einvoice.Line {
	ns := strconv.Itoa(n)
	return einvoice.Line{
		ID: ns, Note: "Line note " + ns,
		Object:   einvoice.ObjectID{Value: "OBJ-" + ns, Scheme: "AWV"},
		Quantity: dec("2.000"), Unit: "C62", NetAmount: dec("20.00"),
		OrderLineReference: ns, BuyerAccountingReference: "6064",
		Period: &einvoice.Period{Start: day(2026, 1, 1), End: day(2026, 1, 31)},
		Allowances: []einvoice.LineAllowance{{
			Amount: dec("1.00"), BaseAmount: decp("20.00"), Percentage: decp("5.00"), Reason: "Discount", ReasonCode: "95",
		}},
		Charges: []einvoice.LineCharge{{Amount: dec("1.00"), ReasonCode: "FC"}},
		Price: einvoice.Price{
			Net: dec("10.0000"), Discount: decp("0.5000"), Gross: decp("10.5000"), BaseQuantity: decp("1"), BaseUnit: "C62",
		},
		VAT: einvoice.VAT{Category: "S", Rate: decp("20.00")},
		Item: einvoice.Item{
			Name: "Article " + ns, Description: "Description of article " + ns,
			SellerID: "SKU-" + ns, BuyerID: "B-" + ns,
			StandardID:      einvoice.ID{Value: "40123450012" + ns, Scheme: "0160"},
			Classifications: []einvoice.Classification{{Value: "1234", Scheme: "STI", SchemeVersion: "2.1"}},
			OriginCountry:   "FR",
			Attributes:      []einvoice.ItemAttribute{{Name: "Colour", Value: "Blue"}},
		},
	}
}

// genWant is the model of genInvoice(2).
func genWant() *einvoice.Invoice {
	return &einvoice.Invoice{
		Number: "F-2026-0042", IssueDate: day(2026, 1, 15), TypeCode: "380",
		Currency: "EUR", TaxCurrency: "EUR", TaxPointDateCode: "3", DueDate: day(2026, 2, 14),
		BuyerReference: "SERVICE-42", ProjectReference: "PRJ-3", ContractReference: "CT-1",
		PurchaseOrderReference: "PO-1", SalesOrderReference: "SO-1",
		ReceivingAdviceReference: "RA-1", DespatchAdviceReference: "DA-1",
		TenderOrLotReference: "LOT-7", InvoicedObject: einvoice.ObjectID{Value: "METER-9", Scheme: "AWV"},
		BuyerAccountingReference: "411000", PaymentTerms: "30 jours net",
		Notes: []einvoice.Note{
			{SubjectCode: "PMD", Text: "Pénalités de retard : trois fois le taux d'intérêt légal."},
			{SubjectCode: "PMT", Text: "Indemnité forfaitaire pour frais de recouvrement : 40 €."},
		},
		Process:           einvoice.ProcessControl{BusinessProcess: "A1", Specification: "urn:cen.eu:en16931:2017"},
		PrecedingInvoices: []einvoice.PrecedingInvoice{{Number: "F-2025-0999", IssueDate: day(2025, 12, 15)}},
		Seller: einvoice.Seller{
			Name: "Vendeur SAS", TradingName: "Vendeur",
			Identifiers:       []einvoice.ID{{Value: "S-001"}, {Value: "12345678900017", Scheme: "0009"}},
			LegalRegistration: einvoice.ID{Value: "123456789", Scheme: "0002"},
			VATID:             "FR32123456789", TaxRegistration: "123/456/789",
			AdditionalLegalInfo: "SAS au capital de 10 000 €",
			ElectronicAddress:   einvoice.ElectronicAddress{Value: "123456789_STATUTS", Scheme: "0225"},
			Address: einvoice.Address{Line1: "1 rue de la Paix", Line2: "Bâtiment A", Line3: "3e étage", City: "Paris",
				PostCode: "75001", Subdivision: "Île-de-France", Country: "FR"},
			Contact: &einvoice.Contact{Name: "Jeanne Martin", Phone: "+33 1 23 45 67 89", Email: "jeanne@vendeur.example"},
		},
		Buyer: einvoice.Buyer{
			Name: "Acheteur SA", TradingName: "Acheteur",
			Identifiers:       []einvoice.ID{{Value: "98765432100015", Scheme: "0009"}},
			LegalRegistration: einvoice.ID{Value: "987654321", Scheme: "0002"},
			VATID:             "FR11987654321",
			ElectronicAddress: einvoice.ElectronicAddress{Value: "98765432100015", Scheme: "0009"},
			Address:           einvoice.Address{Line1: "2 place Bellecour", City: "Lyon", PostCode: "69001", Country: "FR"},
			Contact:           &einvoice.Contact{Name: "Comptabilité", Phone: "+33 4 00 00 00 00"},
		},
		Payee: &einvoice.Payee{Name: "Factor SA", Identifier: einvoice.ID{Value: "55555555500011", Scheme: "0009"},
			LegalRegistration: einvoice.ID{Value: "555555555", Scheme: "0002"}},
		TaxRepresentative: &einvoice.TaxRepresentative{Name: "Représentant fiscal", VATID: "FR55111222333",
			Address: einvoice.Address{Line1: "3 quai du Port", City: "Marseille", PostCode: "13001", Country: "FR"}},
		Delivery: &einvoice.Delivery{PartyName: "Entrepôt", LocationID: einvoice.ID{Value: "4000001000005", Scheme: "0088"},
			Date:    day(2026, 1, 10),
			Address: &einvoice.Address{Line1: "4 allée du Dépôt", City: "Strasbourg", PostCode: "67000", Country: "FR"}},
		InvoicingPeriod: &einvoice.Period{Start: day(2026, 1, 1), End: day(2026, 1, 31)},
		Payment: &einvoice.PaymentInstructions{
			MeansCode: "58", MeansText: "Virement SEPA", RemittanceInfo: "F-2026-0042",
			CreditTransfers: []einvoice.CreditTransfer{
				{AccountID: "FR7630006000011234567890189", AccountName: "Vendeur SAS", ProviderID: "AGRIFRPP"},
				{AccountID: "ACC-2", AccountName: "Second"},
			},
			Card: &einvoice.PaymentCard{PrimaryAccountNumber: "1234", HolderName: "J. Martin"},
			DirectDebit: &einvoice.DirectDebit{MandateID: "MANDATE-1", CreditorID: "FR00ZZZ123456",
				DebitedAccountID: "FR7630001007941234567890185"},
		},
		Allowances: []einvoice.Allowance{{Amount: dec("0.00"), BaseAmount: decp("40.00"), Percentage: decp("0"),
			VAT: einvoice.VAT{Category: "S", Rate: decp("20.00")}, ReasonCode: "95"}},
		Charges: []einvoice.Charge{{Amount: dec("0.00"), VAT: einvoice.VAT{Category: "S", Rate: decp("20.00")},
			Reason: "Freight", ReasonCode: "FC"}},
		Totals: einvoice.Totals{LineNet: dec("40.00"), Allowances: decp("0.00"), Charges: decp("0.00"),
			TaxExclusive: dec("40.00"), VAT: decp("8.00"), TaxInclusive: dec("48.00"), Paid: decp("0.00"),
			Rounding: decp("0.00"), Due: dec("48.00")},
		VATBreakdown: []einvoice.VATBreakdown{
			{TaxableAmount: dec("40.00"), TaxAmount: dec("8.00"), Category: "S", Rate: decp("20.00")},
			{TaxableAmount: dec("0.00"), TaxAmount: dec("0.00"), Category: "E", Rate: decp("0"),
				ExemptionReason: "Exonération", ExemptionReasonCode: "VATEX-EU-132"},
		},
		Attachments: []einvoice.Attachment{{ID: "ATT-1", Description: "Timesheet", ExternalLocation: "https://example.com/att-1",
			Content: []byte("hello,world\n"), MIMECode: "text/csv", Filename: "timesheet.csv"}},
		Lines: []einvoice.Line{genLineWant(1), genLineWant(2)},
	}
}

// TestDecodeGenerated checks every term of the generated invoice.
func TestDecodeGenerated(t *testing.T) {
	doc := decodeString(t, string(genInvoice(2)))
	if doc.Profile != EN16931 {
		t.Errorf("Profile = %v, want en16931", doc.Profile)
	}
	if len(doc.Ignored) != 0 {
		t.Errorf("Ignored = %v, want none", doc.Ignored)
	}
	if d := modeltest.Diff(genWant(), doc.Invoice); d != nil {
		t.Errorf("decoded invoice differs:\n%s", strings.Join(d, "\n"))
	}
}

// TestDecodeNamespaces: elements are matched by namespace, whatever the
// prefixes, default namespaces included.
func TestDecodeNamespaces(t *testing.T) {
	base := string(genInvoice(2))
	const (
		rsm = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"
		ram = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"
	)
	variants := map[string]string{
		"other prefixes": strings.NewReplacer("rsm:", "r:", "ram:", "a:", "udt:", "u:", "qdt:", "q:",
			"xmlns:rsm=", "xmlns:r=", "xmlns:ram=", "xmlns:a=", "xmlns:udt=", "xmlns:u=", "xmlns:qdt=", "xmlns:q=").Replace(base),
		"rsm by default": strings.NewReplacer("rsm:", "", "xmlns:rsm=", "xmlns=").Replace(base),
		"ram by default": strings.NewReplacer("ram:", "", "xmlns:ram=", "xmlns=").Replace(base),
		// ram declared again, under another prefix, on an inner element
		"redeclared": strings.Replace(
			strings.Replace(base, "<ram:ApplicableHeaderTradeAgreement>", `<x:ApplicableHeaderTradeAgreement xmlns:x="`+ram+`" xmlns:ram="urn:other">`, 1),
			"</ram:ApplicableHeaderTradeAgreement>", "</x:ApplicableHeaderTradeAgreement>", 1),
		"single quotes and spaces": strings.Replace(base, `<rsm:CrossIndustryInvoice xmlns:rsm="`+rsm+`"`,
			"<rsm:CrossIndustryInvoice\n  xmlns:rsm = '"+rsm+"'", 1),
	}
	// In "redeclared", ram: inside the agreement is another namespace: the
	// x: elements are CII, and the ram: ones are not.
	redeclared := variants["redeclared"]
	start := strings.Index(redeclared, "<x:ApplicableHeaderTradeAgreement")
	end := strings.Index(redeclared, "</x:ApplicableHeaderTradeAgreement>")
	inner := strings.ReplaceAll(redeclared[start:end], "ram:", "x:")
	inner = strings.Replace(inner, `<x:ApplicableHeaderTradeAgreement xmlns:x="`+ram+`" xmlns:x="urn:other">`,
		`<x:ApplicableHeaderTradeAgreement xmlns:x="`+ram+`" xmlns:ram="urn:other">`, 1)
	variants["redeclared"] = redeclared[:start] + inner + redeclared[end:]
	for name, doc := range variants {
		t.Run(name, func(t *testing.T) {
			got := decodeString(t, doc)
			if len(got.Ignored) != 0 {
				t.Errorf("Ignored = %v", got.Ignored)
			}
			if d := modeltest.Diff(genWant(), got.Invoice); d != nil {
				t.Errorf("decoded invoice differs:\n%s", strings.Join(d, "\n"))
			}
		})
	}
	// An element of the right local name in another namespace is not CII.
	other := strings.Replace(base, "<ram:BuyerReference>SERVICE-42</ram:BuyerReference>",
		`<ram:BuyerReference xmlns:ram="urn:other">SERVICE-42</ram:BuyerReference>`, 1)
	doc := decodeString(t, other)
	if doc.Invoice.BuyerReference != "" || len(doc.Ignored) != 1 || !strings.HasSuffix(doc.Ignored[0].Path, "/ram:ApplicableHeaderTradeAgreement/ram:BuyerReference") {
		t.Errorf("BuyerReference in another namespace: got %q, Ignored %v", doc.Invoice.BuyerReference, doc.Ignored)
	}
}

// TestDecodeOrder: the elements of a group may come in any order.
func TestDecodeOrder(t *testing.T) {
	const doc = `<rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100" xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100" xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100">
<rsm:SupplyChainTradeTransaction>
<ram:ApplicableHeaderTradeSettlement>
<ram:SpecifiedTradeSettlementHeaderMonetarySummation>
<ram:TaxTotalAmount currencyID="USD">5.00</ram:TaxTotalAmount>
<ram:TaxTotalAmount currencyID="EUR">4.50</ram:TaxTotalAmount>
<ram:DuePayableAmount>55.00</ram:DuePayableAmount>
</ram:SpecifiedTradeSettlementHeaderMonetarySummation>
<ram:SpecifiedTradeAllowanceCharge>
<ram:ActualAmount>5.00</ram:ActualAmount>
<ram:CategoryTradeTax><ram:CategoryCode>S</ram:CategoryCode></ram:CategoryTradeTax>
<ram:ChargeIndicator><udt:Indicator> 1 </udt:Indicator></ram:ChargeIndicator>
</ram:SpecifiedTradeAllowanceCharge>
<ram:InvoiceCurrencyCode> USD </ram:InvoiceCurrencyCode>
<ram:TaxCurrencyCode>EUR</ram:TaxCurrencyCode>
</ram:ApplicableHeaderTradeSettlement>
<ram:ApplicableHeaderTradeAgreement>
<ram:AdditionalReferencedDocument>
<ram:TypeCode>130</ram:TypeCode>
<ram:ReferenceTypeCode>AAA</ram:ReferenceTypeCode>
<ram:IssuerAssignedID>OBJ</ram:IssuerAssignedID>
</ram:AdditionalReferencedDocument>
</ram:ApplicableHeaderTradeAgreement>
<ram:IncludedSupplyChainTradeLineItem>
<ram:SpecifiedLineTradeAgreement>
<ram:NetPriceProductTradePrice><ram:BasisQuantity unitCode="KGM">10</ram:BasisQuantity><ram:ChargeAmount>3.5</ram:ChargeAmount></ram:NetPriceProductTradePrice>
<ram:GrossPriceProductTradePrice><ram:BasisQuantity unitCode="KGM">10</ram:BasisQuantity><ram:ChargeAmount>4</ram:ChargeAmount></ram:GrossPriceProductTradePrice>
</ram:SpecifiedLineTradeAgreement>
<ram:AssociatedDocumentLineDocument><ram:LineID>L1</ram:LineID></ram:AssociatedDocumentLineDocument>
</ram:IncludedSupplyChainTradeLineItem>
</rsm:SupplyChainTradeTransaction>
<rsm:ExchangedDocument><ram:ID>N-1</ram:ID></rsm:ExchangedDocument>
</rsm:CrossIndustryInvoice>`
	got := decodeString(t, doc)
	want := &einvoice.Invoice{
		Number: "N-1", Currency: "USD", TaxCurrency: "EUR",
		InvoicedObject: einvoice.ObjectID{Value: "OBJ", Scheme: "AAA"},
		Charges:        []einvoice.Charge{{Amount: dec("5.00"), VAT: einvoice.VAT{Category: "S"}}},
		Totals:         einvoice.Totals{VAT: decp("5.00"), VATInTaxCurrency: decp("4.50"), Due: dec("55.00")},
		Lines: []einvoice.Line{{ID: "L1", Price: einvoice.Price{Net: dec("3.5"), Gross: decp("4"),
			BaseQuantity: decp("10"), BaseUnit: "KGM"}}},
	}
	if len(got.Ignored) != 0 {
		t.Errorf("Ignored = %v", got.Ignored)
	}
	if d := modeltest.Diff(want, got.Invoice); d != nil {
		t.Errorf("decoded invoice differs:\n%s", strings.Join(d, "\n"))
	}
	if got.Profile != 0 {
		t.Errorf("Profile = %v, want 0 for no BT-24", got.Profile)
	}
}

// TestDecodeValues: figures keep the scale written, texts are kept as
// written, codes are trimmed, unknown codes survive.
func TestDecodeValues(t *testing.T) {
	doc := genInvoice(1)
	replace := func(old, new string) string {
		s := string(doc)
		if !strings.Contains(s, old) {
			t.Fatalf("%q not in the document", old)
		}
		return strings.Replace(s, old, new, 1)
	}
	cases := []struct {
		name, doc string
		check     func(*einvoice.Invoice) string
	}{
		{"scale kept", replace("<ram:ChargeAmount>10.0000</ram:ChargeAmount>", "<ram:ChargeAmount>\n 12.30 </ram:ChargeAmount>"),
			func(inv *einvoice.Invoice) string {
				return exact(inv.Lines[0].Price.Net) + " " + fmt.Sprint(inv.Lines[0].Price.Net.Exponent())
			}},
		{"sign", replace("<ram:LineTotalAmount>20.00</ram:LineTotalAmount>", "<ram:LineTotalAmount>+20.10</ram:LineTotalAmount>"),
			func(inv *einvoice.Invoice) string { return exact(inv.Lines[0].NetAmount) }},
		{"negative zero", replace("<ram:LineTotalAmount>20.00</ram:LineTotalAmount>", "<ram:LineTotalAmount>-0.00</ram:LineTotalAmount>"),
			func(inv *einvoice.Invoice) string { return exact(inv.Lines[0].NetAmount) }},
		{"forty digits", replace("<ram:BilledQuantity unitCode=\"C62\">2.000</ram:BilledQuantity>",
			"<ram:BilledQuantity unitCode=\"C62\">"+strings.Repeat("9", 40)+"."+strings.Repeat("1", 40)+"</ram:BilledQuantity>"),
			func(inv *einvoice.Invoice) string { return exact(inv.Lines[0].Quantity) }},
		{"xs:decimal forms", replace("<ram:BasisQuantity unitCode=\"C62\">1</ram:BasisQuantity>", "<ram:BasisQuantity unitCode=\"C62\">100.</ram:BasisQuantity>"),
			func(inv *einvoice.Invoice) string { return exact(*inv.Lines[0].Price.BaseQuantity) }},
		{"leading point", replace("<ram:RateApplicablePercent>20.00</ram:RateApplicablePercent>", "<ram:RateApplicablePercent>.50</ram:RateApplicablePercent>"),
			func(inv *einvoice.Invoice) string { return exact(*inv.Lines[0].VAT.Rate) }},
		{"text as written", replace("<ram:Name>Article 1</ram:Name>", "<ram:Name>  Article &amp; co&#x20;\r\n line 2 <![CDATA[<raw> & ]]></ram:Name>"),
			func(inv *einvoice.Invoice) string { return inv.Lines[0].Item.Name }},
		{"comment inside text", replace("<ram:Name>Article 1</ram:Name>", "<ram:Name>Arti<!-- x -->cle<?pi x?> 1</ram:Name>"),
			func(inv *einvoice.Invoice) string { return inv.Lines[0].Item.Name }},
		{"code trimmed", replace("<ram:CategoryCode>S</ram:CategoryCode>", "<ram:CategoryCode>\n  S \t</ram:CategoryCode>"),
			func(inv *einvoice.Invoice) string { return string(inv.Lines[0].VAT.Category) }},
		{"unknown code kept", replace("<ram:TypeCode>380</ram:TypeCode>", "<ram:TypeCode>999</ram:TypeCode>"),
			func(inv *einvoice.Invoice) string { return string(inv.TypeCode) }},
		{"attribute trimmed", replace(`<ram:GlobalID schemeID="0160">`, `<ram:GlobalID schemeID=" 0160&#10;">`),
			func(inv *einvoice.Invoice) string { return string(inv.Lines[0].Item.StandardID.Scheme) }},
		{"date without format", replace(`<udt:DateTimeString format="102">20260115</udt:DateTimeString>`, `<udt:DateTimeString> 20240229 </udt:DateTimeString>`),
			func(inv *einvoice.Invoice) string { return inv.IssueDate.String() }},
		{"tax point date code 29", strings.ReplaceAll(string(doc), "<ram:DueDateTypeCode>5</ram:DueDateTypeCode>", "<ram:DueDateTypeCode>29</ram:DueDateTypeCode>"),
			func(inv *einvoice.Invoice) string { return string(inv.TaxPointDateCode) }},
		{"tax point date code 72", strings.ReplaceAll(string(doc), "<ram:DueDateTypeCode>5</ram:DueDateTypeCode>", "<ram:DueDateTypeCode>72</ram:DueDateTypeCode>"),
			func(inv *einvoice.Invoice) string { return string(inv.TaxPointDateCode) }},
		{"tax point date code other", strings.ReplaceAll(string(doc), "<ram:DueDateTypeCode>5</ram:DueDateTypeCode>", "<ram:DueDateTypeCode>X</ram:DueDateTypeCode>"),
			func(inv *einvoice.Invoice) string { return string(inv.TaxPointDateCode) }},
		{"tax point date", replace("<ram:DueDateTypeCode>5</ram:DueDateTypeCode>", `<ram:TaxPointDate><udt:DateString format="102">20260101</udt:DateString></ram:TaxPointDate>`),
			func(inv *einvoice.Invoice) string { return inv.TaxPointDate.String() }},
		{"department name", replace("<ram:PersonName>Jeanne Martin</ram:PersonName>", "<ram:DepartmentName>Ventes</ram:DepartmentName>"),
			func(inv *einvoice.Invoice) string { return inv.Seller.Contact.Name }},
		{"empty contact", replace(`<ram:PersonName>Jeanne Martin</ram:PersonName>`, ``),
			func(inv *einvoice.Invoice) string {
				return fmt.Sprintf("%v %s", inv.Seller.Contact.Name == "", inv.Seller.Contact.Phone)
			}},
		{"buyer ID without scheme", replace(`<ram:GlobalID schemeID="0009">98765432100015</ram:GlobalID>`, `<ram:ID>B-42</ram:ID>`),
			func(inv *einvoice.Invoice) string { return fmt.Sprintf("%+v", inv.Buyer.Identifiers) }},
		{"several buyer identifiers", replace(`<ram:GlobalID schemeID="0009">98765432100015</ram:GlobalID>`,
			`<ram:GlobalID schemeID="0009">98765432100015</ram:GlobalID><ram:GlobalID schemeID="0224">SERVICE-42</ram:GlobalID>`),
			func(inv *einvoice.Invoice) string { return fmt.Sprintf("%+v", inv.Buyer.Identifiers) }},
		{"attachment without type code", replace("<ram:TypeCode>916</ram:TypeCode>", ""),
			func(inv *einvoice.Invoice) string {
				return inv.Attachments[0].ID + " " + string(inv.Attachments[0].Content)
			}},
		{"unpadded base64", replace("d29ybGQK</ram:AttachmentBinaryObject>", "d29ybA</ram:AttachmentBinaryObject>"),
			func(inv *einvoice.Invoice) string { return string(inv.Attachments[0].Content) }},
		{"line object without type code", replace("<ram:TypeCode>130</ram:TypeCode>\n          <ram:ReferenceTypeCode>", "<ram:ReferenceTypeCode>"),
			func(inv *einvoice.Invoice) string { return fmt.Sprintf("%+v", inv.Lines[0].Object) }},
		{"proprietary account", replace("<ram:IBANID>FR7630006000011234567890189</ram:IBANID>", "<ram:ProprietaryID>P1</ram:ProprietaryID>"),
			func(inv *einvoice.Invoice) string { return inv.Payment.CreditTransfers[0].AccountID }},
	}
	want := []string{
		"12.30 -2", "20.10", "0.00", strings.Repeat("9", 40) + "." + strings.Repeat("1", 40), "100", "0.50",
		"  Article & co \n line 2 <raw> & ", "Article 1", "S", "999", "0160", "2024-02-29", "35", "432", "X", "2026-01-01",
		"Ventes", "true +33 1 23 45 67 89", "[{Value:B-42 Scheme:}]",
		"[{Value:98765432100015 Scheme:0009} {Value:SERVICE-42 Scheme:0224}]", "ATT-1 hello,world\n", "hello,worl",
		"{Value:OBJ-1 Scheme:AWV}", "P1",
	}
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc := decodeString(t, c.doc)
			if got := c.check(doc.Invoice); got != want[i] {
				t.Errorf("got %q, want %q", got, want[i])
			}
			if len(doc.Ignored) != 0 {
				t.Errorf("Ignored = %v", doc.Ignored)
			}
		})
	}
}

// TestDecodeGroups: optional groups are nil unless an element of theirs is
// present; a document without lines has none.
func TestDecodeGroups(t *testing.T) {
	const doc = `<CrossIndustryInvoice xmlns="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100" xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100">
<ExchangedDocumentContext><ram:GuidelineSpecifiedDocumentContextParameter><ram:ID>urn:factur-x.eu:1p0:minimum</ram:ID></ram:GuidelineSpecifiedDocumentContextParameter></ExchangedDocumentContext>
<ExchangedDocument><ram:ID>M</ram:ID></ExchangedDocument>
<SupplyChainTradeTransaction>
<ram:ApplicableHeaderTradeAgreement><ram:SellerTradeParty><ram:Name>S</ram:Name></ram:SellerTradeParty></ram:ApplicableHeaderTradeAgreement>
<ram:ApplicableHeaderTradeDelivery><ram:ShipToTradeParty/></ram:ApplicableHeaderTradeDelivery>
<ram:ApplicableHeaderTradeSettlement><ram:InvoiceCurrencyCode>EUR</ram:InvoiceCurrencyCode>
<ram:SpecifiedTradeSettlementHeaderMonetarySummation><ram:TaxBasisTotalAmount>1.00</ram:TaxBasisTotalAmount></ram:SpecifiedTradeSettlementHeaderMonetarySummation>
</ram:ApplicableHeaderTradeSettlement>
</SupplyChainTradeTransaction>
</CrossIndustryInvoice>`
	got := decodeString(t, doc)
	inv := got.Invoice
	if got.Profile != Minimum || inv.Process.Specification != "urn:factur-x.eu:1p0:minimum" {
		t.Errorf("Profile %v, specification %q", got.Profile, inv.Process.Specification)
	}
	if len(inv.Lines) != 0 || inv.Payee != nil || inv.TaxRepresentative != nil || inv.Delivery != nil ||
		inv.InvoicingPeriod != nil || inv.Payment != nil || inv.Seller.Contact != nil || inv.Totals.VAT != nil ||
		inv.Totals.Paid != nil || inv.Totals.Allowances != nil {
		t.Errorf("optional groups set: %+v", inv)
	}
	if exact(inv.Totals.TaxExclusive) != "1.00" || inv.Number != "M" || inv.Seller.Name != "S" {
		t.Errorf("got %+v", inv)
	}
}

// ignoredCase is a change to genInvoice(2) that adds one element the model
// cannot carry.
type ignoredCase struct {
	name, old, new string
	path, reason   string // reason: a fragment
}

var ignoredCases = []ignoredCase{
	{name: "test indicator", old: "<rsm:ExchangedDocumentContext>",
		new:  "<rsm:ExchangedDocumentContext><ram:TestIndicator><udt:Indicator>true</udt:Indicator></ram:TestIndicator>",
		path: "/rsm:CrossIndustryInvoice/rsm:ExchangedDocumentContext/ram:TestIndicator", reason: "test indicator"},
	{name: "logistics service charge's extra element", old: "<ram:SpecifiedTradePaymentTerms>",
		new:    "<ram:SpecifiedLogisticsServiceCharge><ram:Description>Freight</ram:Description><ram:AppliedAmount>1.00</ram:AppliedAmount><ram:AppliedTradeTax><ram:TypeCode>VAT</ram:TypeCode><ram:CategoryCode>S</ram:CategoryCode><ram:ExemptionReason>x</ram:ExemptionReason></ram:AppliedTradeTax></ram:SpecifiedLogisticsServiceCharge><ram:SpecifiedTradePaymentTerms>",
		path:   "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:SpecifiedLogisticsServiceCharge/ram:AppliedTradeTax/ram:ExemptionReason",
		reason: "not in the EN 16931 model"},
	{name: "referenced product in line 2", old: "<ram:Name>Article 2</ram:Name>",
		new:    "<ram:Name>Article 2</ram:Name><ram:IncludedReferencedProduct><ram:Name>Part</ram:Name></ram:IncludedReferencedProduct>",
		path:   "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem[2]/ram:SpecifiedTradeProduct/ram:IncludedReferencedProduct",
		reason: "not in the EN 16931 model"},
	{name: "characteristic measurement method in line 1", old: "<ram:Description>Colour</ram:Description>",
		new:    "<ram:Description>Colour</ram:Description><ram:MeasurementMethodCode>C</ram:MeasurementMethodCode>",
		path:   "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem[1]/ram:SpecifiedTradeProduct/ram:ApplicableProductCharacteristic/ram:MeasurementMethodCode",
		reason: "not in the EN 16931 model"},
	{name: "second note content", old: "<ram:SubjectCode>PMD</ram:SubjectCode>",
		new:  "<ram:SubjectCode>PMD</ram:SubjectCode><ram:Content>More</ram:Content>",
		path: "/rsm:CrossIndustryInvoice/rsm:ExchangedDocument/ram:IncludedNote[1]/ram:Content[2]", reason: "a second ram:Content"},
	{name: "payment means of another type", old: "<ram:ApplicableTradeTax>\n        <ram:CalculatedAmount>",
		new:    "<ram:SpecifiedTradeSettlementPaymentMeans><ram:TypeCode>30</ram:TypeCode><ram:Other/></ram:SpecifiedTradeSettlementPaymentMeans><ram:ApplicableTradeTax>\n        <ram:CalculatedAmount>",
		path:   "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:SpecifiedTradeSettlementPaymentMeans[3]",
		reason: `payment means of type "30"`},
	{name: "second payment means text", old: "<ram:Information>Virement SEPA</ram:Information>\n        <ram:PayeePartyCreditorFinancialAccount>",
		new:    "<ram:Information>Autre</ram:Information>\n        <ram:PayeePartyCreditorFinancialAccount>",
		path:   "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:SpecifiedTradeSettlementPaymentMeans[2]/ram:Information",
		reason: "a second payment means text"},
	{name: "BIC without account", old: "<ram:ApplicableTradeTax>\n        <ram:CalculatedAmount>",
		new:    "<ram:SpecifiedTradeSettlementPaymentMeans><ram:TypeCode>58</ram:TypeCode><ram:PayeeSpecifiedCreditorFinancialInstitution><ram:BICID>BIC2</ram:BICID></ram:PayeeSpecifiedCreditorFinancialInstitution></ram:SpecifiedTradeSettlementPaymentMeans><ram:ApplicableTradeTax>\n        <ram:CalculatedAmount>",
		path:   "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:SpecifiedTradeSettlementPaymentMeans[3]/ram:PayeeSpecifiedCreditorFinancialInstitution",
		reason: "without a payee account"},
	{name: "tax point date of a later breakdown", old: "<ram:DueDateTypeCode>5</ram:DueDateTypeCode>\n        <ram:RateApplicablePercent>0</ram:RateApplicablePercent>",
		new:    "<ram:DueDateTypeCode>29</ram:DueDateTypeCode>\n        <ram:RateApplicablePercent>0</ram:RateApplicablePercent>",
		path:   "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:ApplicableTradeTax[2]/ram:DueDateTypeCode",
		reason: "tax point date code other than the first"},
	{name: "additional document of another type", old: "<ram:SpecifiedProcuringProject>",
		new:    "<ram:AdditionalReferencedDocument><ram:IssuerAssignedID>X</ram:IssuerAssignedID><ram:TypeCode>999</ram:TypeCode><ram:Unknown/></ram:AdditionalReferencedDocument><ram:SpecifiedProcuringProject>",
		path:   "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:AdditionalReferencedDocument[4]",
		reason: `a document of type "999"`},
	{name: "second tender reference", old: "<ram:SpecifiedProcuringProject>",
		new:    "<ram:AdditionalReferencedDocument><ram:IssuerAssignedID>LOT-8</ram:IssuerAssignedID><ram:TypeCode>50</ram:TypeCode></ram:AdditionalReferencedDocument><ram:SpecifiedProcuringProject>",
		path:   "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:AdditionalReferencedDocument[4]",
		reason: "a second tender or lot reference"},
	{name: "name of a tender reference", old: "<ram:TypeCode>50</ram:TypeCode>",
		new:    "<ram:TypeCode>50</ram:TypeCode><ram:Name>Lot</ram:Name>",
		path:   "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:AdditionalReferencedDocument[2]/ram:Name",
		reason: "not carried for a tender or lot reference"},
	{name: "line document of another type", old: "<ram:ReceivableSpecifiedTradeAccountingAccount>\n          <ram:ID>6064</ram:ID>",
		new:    "<ram:AdditionalReferencedDocument><ram:IssuerAssignedID>X</ram:IssuerAssignedID><ram:TypeCode>916</ram:TypeCode></ram:AdditionalReferencedDocument><ram:ReceivableSpecifiedTradeAccountingAccount>\n          <ram:ID>6064</ram:ID>",
		path:   "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem[1]/ram:SpecifiedLineTradeSettlement/ram:AdditionalReferencedDocument[2]",
		reason: `a line document of type "916"`},
	{name: "project name", old: "<ram:Name>Project reference</ram:Name>", new: "<ram:Name>Bridge</ram:Name>",
		path:   "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:SpecifiedProcuringProject/ram:Name",
		reason: "a project name"},
	{name: "buyer tax registration FC", old: `<ram:ID schemeID="VA">FR11987654321</ram:ID>`,
		new:    `<ram:ID schemeID="FC">123</ram:ID>`,
		path:   "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:BuyerTradeParty/ram:SpecifiedTaxRegistration/ram:ID",
		reason: `scheme "FC"`},
	{name: "second contact", old: "</ram:DefinedTradeContact>\n        <ram:PostalTradeAddress>\n          <ram:PostcodeCode>75001",
		new:    "</ram:DefinedTradeContact><ram:DefinedTradeContact><ram:PersonName>Paul</ram:PersonName></ram:DefinedTradeContact>\n        <ram:PostalTradeAddress>\n          <ram:PostcodeCode>75001",
		path:   "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:SellerTradeParty/ram:DefinedTradeContact[2]",
		reason: "a second ram:DefinedTradeContact"},
	{name: "department besides person", old: "<ram:PersonName>Jeanne Martin</ram:PersonName>",
		new:    "<ram:PersonName>Jeanne Martin</ram:PersonName><ram:DepartmentName>Ventes</ram:DepartmentName>",
		path:   "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:SellerTradeParty/ram:DefinedTradeContact/ram:DepartmentName",
		reason: "a department name besides a person name"},
	{name: "gross base quantity", old: "<ram:ChargeAmount>10.5000</ram:ChargeAmount>",
		new:    `<ram:ChargeAmount>10.5000</ram:ChargeAmount><ram:BasisQuantity unitCode="C62">2</ram:BasisQuantity>`,
		path:   "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem[1]/ram:SpecifiedLineTradeAgreement/ram:GrossPriceProductTradePrice/ram:BasisQuantity",
		reason: "gross price base quantity"},
	{name: "charge on the gross price", old: "<udt:Indicator>false</udt:Indicator>\n            </ram:ChargeIndicator>\n            <ram:ActualAmount>0.5000",
		new:    "<udt:Indicator>true</udt:Indicator>\n            </ram:ChargeIndicator>\n            <ram:ActualAmount>0.5000",
		path:   "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem[1]/ram:SpecifiedLineTradeAgreement/ram:GrossPriceProductTradePrice/ram:AppliedTradeAllowanceCharge",
		reason: "a charge on the gross price"},
	{name: "VAT total in a third currency", old: `<ram:TaxTotalAmount currencyID="EUR">8.00</ram:TaxTotalAmount>`,
		new:    `<ram:TaxTotalAmount currencyID="EUR">8.00</ram:TaxTotalAmount><ram:TaxTotalAmount currencyID="USD">9.00</ram:TaxTotalAmount>`,
		path:   "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:SpecifiedTradeSettlementHeaderMonetarySummation/ram:TaxTotalAmount[2]",
		reason: `a VAT total in "USD"`},
	{name: "tax type other than VAT", old: "<ram:TypeCode>VAT</ram:TypeCode>\n        <ram:ExemptionReason>",
		new:    "<ram:TypeCode>GST</ram:TypeCode>\n        <ram:ExemptionReason>",
		path:   "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:ApplicableTradeTax[2]/ram:TypeCode",
		reason: `tax type "GST"`},
	{name: "element of another namespace", old: "<ram:BuyerReference>",
		new:    `<ext:Extra xmlns:ext="urn:example:ext"><ext:Inner>1</ext:Inner></ext:Extra><ram:BuyerReference>`,
		path:   "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ext:Extra",
		reason: "not in the EN 16931 model"},
	{name: "text in a group", old: "<ram:SellerTradeParty>", new: "<ram:SellerTradeParty>stray text",
		path:   "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:SellerTradeParty",
		reason: "text content"},
	{name: "element in a leaf", old: "<ram:Name>Article 2</ram:Name>", new: "<ram:Name>Article 2<ram:Sub/></ram:Name>",
		path:   "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem[2]/ram:SpecifiedTradeProduct/ram:Name/ram:Sub",
		reason: "not in the EN 16931 model"},
	{name: "second line period", old: "</ram:BillingSpecifiedPeriod>\n        <ram:SpecifiedTradeAllowanceCharge>",
		new:    "</ram:BillingSpecifiedPeriod><ram:BillingSpecifiedPeriod/>\n        <ram:SpecifiedTradeAllowanceCharge>",
		path:   "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem[1]/ram:SpecifiedLineTradeSettlement/ram:BillingSpecifiedPeriod[2]",
		reason: "a second ram:BillingSpecifiedPeriod"},
}

// TestDecodeIgnored: each element the model cannot carry is skipped and
// reported, with its path and line, or is an error in strict mode at the
// same place.
func TestDecodeIgnored(t *testing.T) {
	base := string(genInvoice(2))
	for _, c := range ignoredCases {
		t.Run(c.name, func(t *testing.T) {
			if !strings.Contains(base, c.old) {
				t.Fatalf("%q not in the document", c.old)
			}
			src := strings.Replace(base, c.old, c.new, 1)
			doc, err := Decode(strings.NewReader(src))
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			if len(doc.Ignored) != 1 {
				t.Fatalf("Ignored = %v, want one entry", doc.Ignored)
			}
			ig := doc.Ignored[0]
			if ig.Path != c.path || !strings.Contains(ig.Reason, c.reason) {
				t.Errorf("Ignored = %s\nwant path %s, reason with %q", ig, c.path, c.reason)
			}
			if ig.Line < 1 {
				t.Errorf("Line = %d", ig.Line)
			}
			// The rest of the invoice is read: check a few terms.
			if doc.Invoice.Number != "F-2026-0042" || len(doc.Invoice.Lines) != 2 || exact(doc.Invoice.Totals.Due) != "48.00" {
				t.Errorf("invoice damaged: %q, %d lines, due %s", doc.Invoice.Number, len(doc.Invoice.Lines), doc.Invoice.Totals.Due)
			}

			_, err = (&Decoder{Strict: true}).Decode(strings.NewReader(src))
			var de *einvoice.DecodeError
			if !errors.As(err, &de) {
				t.Fatalf("strict: got %v, want a *DecodeError", err)
			}
			if de.Path != ig.Path || de.Line != ig.Line || de.Column < 1 || de.Format != "cii" || !strings.Contains(de.Msg, c.reason) {
				t.Errorf("strict: got %v (line %d), want path %s, line %d", de, de.Line, ig.Path, ig.Line)
			}
		})
	}
}

// TestDecodeIgnoredAll: all the cases at once, reported in document order,
// each line where its element starts.
func TestDecodeIgnoredAll(t *testing.T) {
	src := string(genInvoice(2))
	for _, c := range ignoredCases {
		if c.name == "additional document of another type" ||
			c.name == "payment means of another type" {
			continue // they collide with another case
		}
		src = strings.Replace(src, c.old, c.new, 1)
	}
	doc, err := Decode(strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(src, "\n")
	if !slices.IsSortedFunc(doc.Ignored, func(a, b Ignored) int { return a.Line - b.Line }) {
		t.Errorf("Ignored not in document order")
	}
	for _, ig := range doc.Ignored {
		t.Log(ig)
		last := ig.Path[strings.LastIndexByte(ig.Path, '/')+1:]
		if i := strings.IndexByte(last, '['); i >= 0 {
			last = last[:i]
		}
		if ig.Line < 1 || ig.Line > len(lines) || !strings.Contains(lines[ig.Line-1], "<"+last) {
			t.Errorf("%s: line %d does not hold <%s", ig.Path, ig.Line, last)
		}
	}
	if len(doc.Ignored) != len(ignoredCases)-2 {
		t.Errorf("%d entries, want %d", len(doc.Ignored), len(ignoredCases)-2)
	}
}

// TestDecodeErrorPath: an element that is one of several of its name shows
// its index, the first too; one alone shows none.
func TestDecodeErrorPath(t *testing.T) {
	const prefix = "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem"
	const suffix = "/ram:SpecifiedLineTradeSettlement/ram:SpecifiedTradeAllowanceCharge[1]/ram:ActualAmount"
	for _, c := range []struct {
		lines, bad int
		want       string
	}{
		{1, 1, prefix + suffix},
		{2, 1, prefix + "[1]" + suffix},
		{3, 2, prefix + "[2]" + suffix},
		{3, 3, prefix + "[3]" + suffix},
	} {
		src := string(genInvoice(c.lines))
		// Break the first allowance amount of line c.bad.
		at := 0
		for i := 0; i < c.bad; i++ {
			at += strings.Index(src[at:], "<ram:IncludedSupplyChainTradeLineItem>") + 1
		}
		at += strings.Index(src[at:], "<ram:ActualAmount>1.00</ram:ActualAmount>")
		src = src[:at] + "<ram:ActualAmount>1.0.0</ram:ActualAmount>" + src[at+len("<ram:ActualAmount>1.00</ram:ActualAmount>"):]
		_, err := Decode(strings.NewReader(src))
		var de *einvoice.DecodeError
		if !errors.As(err, &de) {
			t.Fatalf("got %v", err)
		}
		wantLine := strings.Count(src[:at], "\n") + 1
		if de.Path != c.want || de.Line != wantLine || !slices.Equal(de.Terms, []string{"BT-136", "BT-141"}) {
			t.Errorf("%d lines, bad %d: got %s (line %d, terms %v), want %s line %d", c.lines, c.bad, de.Path, de.Line, de.Terms, c.want, wantLine)
		}
	}
}

// malformedCases are the expected results for testdata/malformed.
var malformedCases = map[string]struct {
	format bool     // ErrFormat
	ok     bool     // decodes
	line   int      // of the *DecodeError
	path   string   // its path, or its end when it starts with "..."
	terms  []string // its terms
	msg    string   // a fragment of its message
}{
	"amount_comma.xml": {line: 51, path: "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem[2]/ram:SpecifiedLineTradeAgreement/ram:NetPriceProductTradePrice/ram:ChargeAmount",
		terms: []string{"BT-146"}, msg: `"12,5"`},
	"amount_exponent.xml": {line: 64, path: "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem[2]/ram:SpecifiedLineTradeSettlement/ram:SpecifiedTradeSettlementLineMonetarySummation/ram:LineTotalAmount",
		terms: []string{"BT-131"}, msg: `"1e3"`},
	"amount_first_line.xml": {line: 25, path: "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem[1]/ram:SpecifiedLineTradeAgreement/ram:NetPriceProductTradePrice/ram:ChargeAmount",
		terms: []string{"BT-146"}, msg: `"ten"`},
	"amount_huge.xml": {line: 95, path: "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:SpecifiedTradeSettlementHeaderMonetarySummation/ram:GrandTotalAmount",
		terms: []string{"BT-112"}, msg: "bad amount"},
	"base64.xml": {line: 78, path: "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:AdditionalReferencedDocument/ram:AttachmentBinaryObject",
		terms: []string{"BT-125"}, msg: "base64"},
	"bom.xml": {ok: true},
	"control_char.xml": {line: 47, path: "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem[2]/ram:SpecifiedTradeProduct/ram:Name",
		terms: []string{"BT-153"}, msg: "U+0000"},
	"date_format_610.xml": {line: 85, path: "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeDelivery/ram:ActualDeliverySupplyChainEvent/ram:OccurrenceDateTime/udt:DateTimeString",
		terms: []string{"BT-72"}, msg: `"610"`},
	"date_invalid.xml": {line: 12, path: "/rsm:CrossIndustryInvoice/rsm:ExchangedDocument/ram:IssueDateTime/udt:DateTimeString",
		terms: []string{"BT-2"}, msg: `"20260230"`},
	"deep_nesting.xml": {line: 47, path: "...ram:Nest95/ram:Nest96", msg: "deeper than 100"},
	"duplicate_attribute.xml": {line: 29, path: "...ram:IncludedSupplyChainTradeLineItem/ram:SpecifiedLineTradeDelivery/ram:BilledQuantity",
		terms: []string{"BT-129", "BT-130"}, msg: "repeated"},
	"empty.xml": {format: true},
	"indicator.xml": {line: 39, path: "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem[1]/ram:SpecifiedLineTradeSettlement/ram:SpecifiedTradeAllowanceCharge/ram:ChargeIndicator/udt:Indicator",
		msg: `"yes"`},
	"invalid_utf8.xml": {line: 47, path: "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem[2]/ram:SpecifiedTradeProduct/ram:Name",
		terms: []string{"BT-153"}, msg: "UTF-8"},
	"json.xml":   {format: true},
	"latin1.xml": {ok: true},
	"mismatched_tag.xml": {line: 47, path: "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem[2]/ram:SpecifiedTradeProduct/ram:Name",
		terms: []string{"BT-153"}, msg: "closed by </ram:Nam>"},
	"not_xml.xml": {format: true},
	"quantity_text.xml": {line: 55, path: "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem[2]/ram:SpecifiedLineTradeDelivery/ram:BilledQuantity",
		terms: []string{"BT-129", "BT-130"}, msg: `"two"`},
	"text_after_root.xml": {line: 101, msg: "after the root element"},
	"truncated.xml": {line: 29, path: "...ram:IncludedSupplyChainTradeLineItem/ram:SpecifiedLineTradeDelivery/ram:BilledQuantity",
		terms: []string{"BT-129", "BT-130"}, msg: "end of input"},
	"undeclared_prefix.xml": {line: 21, path: "...ram:IncludedSupplyChainTradeLineItem/ram:SpecifiedTradeProduct/foo:Name", msg: "undeclared namespace prefix foo"},
	"undefined_entity.xml": {line: 47, path: "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem[2]/ram:SpecifiedTradeProduct/ram:Name",
		terms: []string{"BT-153"}, msg: "&nbsp;"},
	"utf16.xml":           {line: 1, msg: "UTF-16"},
	"wrong_namespace.xml": {format: true},
	"wrong_root.xml":      {format: true},
}

func TestDecodeMalformed(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "malformed", "*.xml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no test files: %v", err)
	}
	for _, file := range files {
		name := filepath.Base(file)
		t.Run(name, func(t *testing.T) {
			want, ok := malformedCases[name]
			if !ok {
				t.Fatalf("no expectation for %s", name)
			}
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := Decode(bytes.NewReader(data))
			var de *einvoice.DecodeError
			switch {
			case want.ok:
				if err != nil {
					t.Fatalf("Decode: %v", err)
				}
				if len(doc.Invoice.Lines) != 2 || doc.Invoice.Number != "M-1" {
					t.Errorf("got %+v", doc.Invoice)
				}
				if name == "latin1.xml" && doc.Invoice.Lines[1].Item.Name != "Gadget réglé" {
					t.Errorf("latin1: got %q", doc.Invoice.Lines[1].Item.Name)
				}
			case want.format:
				if !errors.Is(err, ErrFormat) || errors.As(err, &de) {
					t.Fatalf("got %v, want ErrFormat", err)
				}
			default:
				if !errors.As(err, &de) || errors.Is(err, ErrFormat) {
					t.Fatalf("got %v (%T), want a *DecodeError", err, err)
				}
				if de.Format != "cii" || de.Line != want.line || de.Column < 1 || !strings.Contains(de.Msg, want.msg) {
					t.Errorf("got %v (line %d, column %d), want line %d, message with %q", de, de.Line, de.Column, want.line, want.msg)
				}
				if p, ok := strings.CutPrefix(want.path, "..."); ok && !strings.HasSuffix(de.Path, p) || !ok && de.Path != want.path {
					t.Errorf("path %s, want %s", de.Path, want.path)
				}
				if want.terms != nil && !slices.Equal(de.Terms, want.terms) {
					t.Errorf("terms %v, want %v", de.Terms, want.terms)
				}
				if !strings.HasPrefix(de.Error(), "einvoice: cii: line ") {
					t.Errorf("Error() = %q", de.Error())
				}
			}
		})
	}
}

// TestDecodeReadError: an error of the reader is returned as it is.
func TestDecodeReadError(t *testing.T) {
	boom := errors.New("boom")
	_, err := Decode(&failingReader{data: genInvoice(1), err: boom})
	if !errors.Is(err, boom) {
		t.Fatalf("got %v, want the reader's error", err)
	}
}

type failingReader struct {
	data []byte
	err  error
}

func (r *failingReader) Read(p []byte) (int, error) {
	if len(r.data) == 0 {
		return 0, r.err
	}
	n := copy(p, r.data[:min(len(r.data), 100)])
	r.data = r.data[n:]
	return n, nil
}

// exampleWant are values read by hand from each official example.
var exampleWant = map[string]struct {
	number, currency string
	profile          Profile
	lines            int
	lastLineNet      string // BT-131 of the last line
	grand, due       string // BT-112, BT-115
}{
	"CII-BR-CO-10-RoundingIssue.xml":                 {"0", "EUR", 0, 4, "-0.01", "0.00", "0.00"},
	"CII_business_example_01.xml":                    {"TOSL108", "NOK", EN16931, 5, "187.5", "1801.78", "801.78"},
	"CII_business_example_02.xml":                    {"INV000013", "EUR", 0, 3, "7.48", "11.90", "11.90"},
	"CII_business_example_Z.xml":                     {"2016166", "EUR", 0, 3, "177.41", "11693.87", "11693.87"},
	"CII_example1.xml":                               {"12115118", "EUR", EN16931, 20, "-109.98", "250.33", "250.33"},
	"CII_example2.xml":                               {"TOSL108", "NOK", EN16931, 5, "187.5", "1801.78", "801.78"},
	"CII_example3.xml":                               {"TOSL108", "DKK", EN16931, 1, "800", "1125", "1125"},
	"CII_example4.xml":                               {"TOSL110", "DKK", EN16931, 3, "2500", "4675", "4675"},
	"CII_example5.xml":                               {"TOSL110", "DKK", EN16931, 3, "2500", "4675", "2337.5"},
	"CII_example6.xml":                               {"TOSL110", "DKK", EN16931, 3, "2500", "4675", "4675"},
	"CII_example7.xml":                               {"INVOICE_test_7", "SEK", EN16931, 2, "700", "3200", "3200"},
	"CII_example8.xml":                               {"1100512149", "EUR", EN16931, 10, "64.46", "1099.78", "1099.78"},
	"CII_example9.xml":                               {"20150483", "EUR", EN16931, 1, "147", "177.87", "177.87"},
	"XRechnung-O.xml":                                {"150377292", "EUR", EN16931, 2, "252646.80", "385544.60", "385544.60"},
	"huf_example_cii.xml":                            {"21/001003559/996", "HUF", EN16931, 3, "24351.00", "87859.00", "87859.00"},
	"BASIC_Einfach.xml":                              {"471102", "EUR", Basic, 1, "198.00", "235.62", "235.62"},
	"BASIC_Rechnungskorrektur.xml":                   {"RK21012345", "EUR", Basic, 2, "-2.90", "-8.79", "-8.79"},
	"BASIC_Taxifahrt.xml":                            {"TX-471102", "EUR", Basic, 2, "13", "18.08", "18.08"},
	"BASIC-WL_Buchungshilfe.xml":                     {"TX-471102", "EUR", BasicWL, 0, "", "18.08", "18.08"},
	"BASIC-WL_Einfach.xml":                           {"TX-471102", "EUR", BasicWL, 0, "", "18.08", "18.08"},
	"EN16931_1_Teilrechnung.xml":                     {"471102", "EUR", EN16931, 4, "55.40", "197.58", "147.58"},
	"EN16931_Einfach.xml":                            {"471102", "EUR", EN16931, 2, "275.00", "529.87", "529.87"},
	"EN16931_Gutschrift.xml":                         {"471102", "EUR", EN16931, 2, "275.00", "529.87", "529.87"},
	"EN16931_Innergemeinschaftliche_Lieferungen.xml": {"47110818", "EUR", EN16931, 2, "1000", "2000.00", "2000.00"},
	"EN16931_Kleinunternehmer_ohneUStId.xml":         {"123", "EUR", EN16931, 1, "1.00", "1.00", "1.00"},
	"EN16931_Rabatte.xml":                            {"471102", "EUR", EN16931, 4, "55.40", "215.07", "165.07"},
	"EN16931_Rechnungskorrektur.xml":                 {"RK21012345", "EUR", EN16931, 2, "-2.90", "-8.79", "-8.79"},
	"EXTENDED_Fremdwaehrung.xml":                     {"47110815", "GBP", Extended, 1, "850", "1021.91", "521.91"},
	"EXTENDED_Kostenrechnung.xml":                    {"KR87654321012", "EUR", Extended, 5, "12.10", "480.22", "480.22"},
	"EXTENDED_Rechnungskorrektur.xml":                {"RK21012345", "EUR", Extended, 2, "-2.90", "-8.79", "-8.79"},
	"EXTENDED_Warenrechnung.xml":                     {"R87654321012345", "EUR", Extended, 6, "58.20", "518.99", "518.99"},
	"MINIMUM_Buchungshilfe.xml":                      {"471102", "EUR", Minimum, 0, "", "235.62", "235.62"},
	"MINIMUM_Rechnung.xml":                           {"471102", "EUR", Minimum, 0, "", "235.62", "235.62"},
}

// exampleIgnoredEN16931 is what EN 16931 examples may leave in Ignored:
// three CEN examples give the gross price a base quantity (equal to the
// gross price itself, a slip of the examples) other than the net price's,
// and EN 16931 has one base quantity (BT-149).
var exampleIgnoredEN16931 = map[string][]string{
	"CII_business_example_01.xml": {"ram:IncludedSupplyChainTradeLineItem[1]/ram:SpecifiedLineTradeAgreement/ram:GrossPriceProductTradePrice/ram:BasisQuantity",
		"ram:IncludedSupplyChainTradeLineItem[3]/ram:SpecifiedLineTradeAgreement/ram:GrossPriceProductTradePrice/ram:BasisQuantity"},
	"CII_example2.xml": {"ram:IncludedSupplyChainTradeLineItem[1]/ram:SpecifiedLineTradeAgreement/ram:GrossPriceProductTradePrice/ram:BasisQuantity",
		"ram:IncludedSupplyChainTradeLineItem[3]/ram:SpecifiedLineTradeAgreement/ram:GrossPriceProductTradePrice/ram:BasisQuantity"},
	"CII_example5.xml": {"ram:IncludedSupplyChainTradeLineItem[1]/ram:SpecifiedLineTradeAgreement/ram:GrossPriceProductTradePrice/ram:BasisQuantity"},
}

func exampleFiles(t testing.TB) []string {
	dir := conformance.Need(t, "examples")
	files, _ := filepath.Glob(filepath.Join(dir, "examples", "cii", "*.xml"))
	more, _ := filepath.Glob(filepath.Join(dir, "examples", "facturx", "*", "*.xml"))
	files = append(files, more...)
	if len(files) == 0 {
		t.Fatalf("no examples in %s", dir)
	}
	return files
}

func decodeFile(t testing.TB, file string) (*Document, error) {
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return Decode(f)
}

// TestDecodeExamples decodes every official example, checks values read
// by hand from each, and lists what the model could not carry.
func TestDecodeExamples(t *testing.T) {
	for _, file := range exampleFiles(t) {
		name := filepath.Base(file)
		t.Run(name, func(t *testing.T) {
			doc, err := decodeFile(t, file)
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			inv := doc.Invoice
			for _, ig := range doc.Ignored {
				t.Logf("ignored: %s", ig)
			}
			want, ok := exampleWant[name]
			if !ok {
				t.Fatalf("no expectation for %s", name)
			}
			lastNet := ""
			if n := len(inv.Lines); n > 0 {
				lastNet = exact(inv.Lines[n-1].NetAmount)
			}
			if inv.Number != want.number || string(inv.Currency) != want.currency || doc.Profile != want.profile ||
				len(inv.Lines) != want.lines || lastNet != want.lastLineNet ||
				exact(inv.Totals.TaxInclusive) != want.grand || exact(inv.Totals.Due) != want.due {
				t.Errorf("got number %q, currency %s, profile %v, %d lines, last line net %s, grand total %s, due %s\nwant %+v",
					inv.Number, inv.Currency, doc.Profile, len(inv.Lines), lastNet, exact(inv.Totals.TaxInclusive), exact(inv.Totals.Due), want)
			}
			if doc.Profile == EN16931 || doc.Profile == Basic || doc.Profile == BasicWL || doc.Profile == Minimum {
				allowed := exampleIgnoredEN16931[name]
				if len(doc.Ignored) != len(allowed) {
					t.Errorf("%d entries in Ignored, want %d", len(doc.Ignored), len(allowed))
				}
				for i, ig := range doc.Ignored {
					if i < len(allowed) && !strings.HasSuffix(ig.Path, allowed[i]) {
						t.Errorf("unexpected: %s", ig)
					}
				}
			}
		})
	}
}

// TestDecodeExampleDetails checks more terms of a few examples.
func TestDecodeExampleDetails(t *testing.T) {
	dir := conformance.Need(t, "examples")
	load := func(rel string) *einvoice.Invoice {
		doc, err := decodeFile(t, filepath.Join(dir, "examples", rel))
		if err != nil {
			t.Fatalf("%s: %v", rel, err)
		}
		return doc.Invoice
	}

	inv := load("cii/CII_example5.xml")
	pdf, _ := base64.StdEncoding.DecodeString("SlZCRVJpMHhMalVOQ2lVTkNqRWdNQ0J2WW1vT3k2SlRaWDliY2dSVnhJVkcuLi50Ykxvc0NoVTJYUmY5eGIvb21zY2dUWS9sWEVoVWI=")
	want5 := struct {
		payee       einvoice.Payee
		payment     einvoice.PaymentInstructions
		taxPoint    einvoice.Date
		vat, vatTax string
		period      einvoice.Period
		attachments []einvoice.Attachment
		preceding   []einvoice.PrecedingInvoice
	}{
		payee: einvoice.Payee{Name: "Dagobert Duck", Identifier: einvoice.ID{Value: "DK16356608"}, LegalRegistration: einvoice.ID{Value: "DK16356608"}},
		payment: einvoice.PaymentInstructions{MeansCode: "58", MeansText: "Half prepaid", RemittanceInfo: "Payref1",
			CreditTransfers: []einvoice.CreditTransfer{{AccountID: "DK1212341234123412"}, {AccountID: "A"}},
			DirectDebit:     &einvoice.DirectDebit{MandateID: "123456", CreditorID: "DK5678"}},
		taxPoint: day(2013, 4, 10), vat: "675.00", vatTax: "628.62",
		period: einvoice.Period{Start: day(2013, 3, 10), End: day(2013, 4, 10)},
		attachments: []einvoice.Attachment{{ID: "Lot567"}, {ID: "OBJ999"},
			{ID: "sales slip", Description: "your sales slip", MIMECode: "application/pdf", Filename: "EHF.pdf", Content: pdf}},
		preceding: []einvoice.PrecedingInvoice{{Number: "TOSL109", IssueDate: day(2013, 3, 10)}},
	}
	if d := modeltest.Diff(want5.payee, *inv.Payee); d != nil {
		t.Errorf("example5 payee: %v", d)
	}
	if d := modeltest.Diff(want5.payment, *inv.Payment); d != nil {
		t.Errorf("example5 payment: %v", d)
	}
	if d := modeltest.Diff(want5.attachments, inv.Attachments); d != nil {
		t.Errorf("example5 attachments: %v", d)
	}
	if d := modeltest.Diff(want5.preceding, inv.PrecedingInvoices); d != nil {
		t.Errorf("example5 preceding invoices: %v", d)
	}
	if inv.TaxPointDate != want5.taxPoint || exact(*inv.Totals.VAT) != want5.vat || exact(*inv.Totals.VATInTaxCurrency) != want5.vatTax ||
		*inv.InvoicingPeriod != want5.period || inv.TaxCurrency != "EUR" || len(inv.VATBreakdown) != 2 ||
		len(inv.Allowances) != 1 || len(inv.Charges) != 1 || exact(inv.Charges[0].Amount) != "150" || inv.Charges[0].ReasonCode != "ABL" {
		t.Errorf("example5: got %+v", inv)
	}

	inv = load("facturx/extended/EXTENDED_Fremdwaehrung.xml")
	if inv.Currency != "GBP" || inv.TaxCurrency != "EUR" || exact(*inv.Totals.VAT) != "163.16" || exact(*inv.Totals.VATInTaxCurrency) != "183.14" {
		t.Errorf("Fremdwaehrung: currency %s/%s, VAT %v / %v", inv.Currency, inv.TaxCurrency, inv.Totals.VAT, inv.Totals.VATInTaxCurrency)
	}

	inv = load("cii/XRechnung-O.xml")
	if inv.Lines[0].Object.Value != "50028642477" || inv.BuyerReference != "XX" {
		t.Errorf("XRechnung-O: line object %+v, buyer reference %q", inv.Lines[0].Object, inv.BuyerReference)
	}

	inv = load("cii/huf_example_cii.xml")
	if q := inv.Lines[0].Price.BaseQuantity; q == nil || exact(*q) != "100" {
		t.Errorf("huf: base quantity %v, want 100", q)
	}

	inv = load("facturx/en16931/EN16931_Einfach.xml")
	l := inv.Lines[0]
	if exact(l.Quantity) != "20.0000" || l.Unit != "H87" || exact(l.Price.Net) != "9.9000" || l.Item.StandardID != (einvoice.ID{Value: "4012345001235", Scheme: "0160"}) ||
		inv.Seller.VATID != "DE123456789" || inv.Seller.TaxRegistration != "201/113/40209" || len(inv.Notes) != 2 || inv.Notes[1].SubjectCode != "REG" ||
		inv.Delivery == nil || inv.Delivery.Date != day(2018, 3, 5) || inv.IssueDate != day(2018, 3, 5) {
		t.Errorf("Einfach: got %+v", inv)
	}
}

// TestDecodeEncodeRoundTrip: what Decode reads from the official examples
// and the generated invoice, Encode writes and Decode reads again the same.
func TestDecodeEncodeRoundTrip(t *testing.T) {
	check := func(name string, data []byte) {
		doc, err := Decode(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var buf bytes.Buffer
		dropped, err := (&Encoder{DropUnsupported: true}).Encode(&buf, doc.Invoice)
		if err != nil {
			t.Logf("%s: not encoded: %v", name, err)
			return
		}
		back, err := Decode(&buf)
		if err != nil {
			t.Fatalf("%s: decoding the encoded invoice: %v", name, err)
		}
		if len(back.Ignored) != 0 {
			t.Errorf("%s: the encoded invoice has Ignored %v", name, back.Ignored)
		}
		if d := modeltest.Diff(doc.Invoice, back.Invoice); d != nil && len(dropped) == 0 {
			t.Errorf("%s: the invoice changed:\n%s", name, strings.Join(d, "\n"))
		}
	}
	check("generated", genInvoice(3))
	for _, file := range exampleFiles(t) {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		check(filepath.Base(file), data)
	}
}

// TestDecodeLinear: allocations grow linearly with the lines.
func TestDecodeLinear(t *testing.T) {
	allocs := func(n int) float64 {
		data := benchInvoice(n)
		return testing.AllocsPerRun(3, func() {
			if _, err := Decode(bytes.NewReader(data)); err != nil {
				t.Fatal(err)
			}
		})
	}
	a100, a1000 := allocs(100), allocs(1000)
	if per100, per1000 := a100/100, a1000/1000; per1000 > per100*1.2 {
		t.Errorf("allocations per line: %.1f for 100 lines, %.1f for 1000", per100, per1000)
	}
}

// TestDecodeAdversarial: documents built to make a careless decoder
// quadratic decode in time proportional to their size.
func TestDecodeAdversarial(t *testing.T) {
	if testing.Short() {
		t.Skip("timing test")
	}
	const open = `<rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100" xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"><rsm:SupplyChainTradeTransaction>`
	const end = `</rsm:SupplyChainTradeTransaction></rsm:CrossIndustryInvoice>`
	shapes := map[string]func(n int) string{
		"unknown names": func(n int) string {
			var b strings.Builder
			for i := 0; i < n; i++ {
				fmt.Fprintf(&b, "<ram:X%d/>", i)
			}
			return open + b.String() + end
		},
		"same unknown name": func(n int) string { return open + strings.Repeat("<ram:X><ram:Y/></ram:X>", n) + end },
		"repeated single element": func(n int) string {
			return open + "<ram:ApplicableHeaderTradeAgreement>" + strings.Repeat("<ram:BuyerReference>x<ram:Y/></ram:BuyerReference>", n) + "</ram:ApplicableHeaderTradeAgreement>" + end
		},
		"attributes": func(n int) string {
			var b strings.Builder
			for i := 0; i < n; i++ {
				fmt.Fprintf(&b, ` a%d="1"`, i)
			}
			return open + "<ram:X" + b.String() + "/>" + end
		},
		"namespace declarations": func(n int) string {
			var b strings.Builder
			for i := 0; i < n; i++ {
				fmt.Fprintf(&b, ` xmlns:p%d="urn:x"`, i)
			}
			return open + "<ram:X" + b.String() + ">" + strings.Repeat("<p1:Y/>", n) + "</ram:X>" + end
		},
		"lines": func(n int) string {
			return open + strings.Repeat("<ram:IncludedSupplyChainTradeLineItem><ram:Foo/></ram:IncludedSupplyChainTradeLineItem>", n) + end
		},
		"nested ignored": func(n int) string {
			return open + strings.Repeat("<ram:A>"+strings.Repeat("<ram:B>", 90)+strings.Repeat("</ram:B>", 90)+"</ram:A>", n/100) + end
		},
	}
	for name, shape := range shapes {
		t.Run(name, func(t *testing.T) {
			cost := func(n int) time.Duration {
				data := []byte(shape(n))
				best := time.Duration(1 << 62)
				for i := 0; i < 3; i++ {
					start := time.Now()
					_, err := Decode(bytes.NewReader(data))
					if el := time.Since(start); el < best {
						best = el
					}
					if err != nil {
						t.Fatal(err)
					}
				}
				return best
			}
			// A quadratic decoder costs 64 times more for 8 times the
			// input, every time; a linear one about 8 times, but a busy
			// machine (go test runs packages side by side) can make one
			// measure look worse, so a shape fails only when 4 tries
			// all exceed 30 times.
			var small, large time.Duration
			for try := 0; try < 4; try++ {
				small, large = cost(20000), cost(160000)
				if large <= 30*small {
					return
				}
			}
			t.Errorf("8 times the input costs %.0f times more (%v, %v), in 4 tries", float64(large)/float64(small), small, large)
		})
	}
}

func BenchmarkDecode10(b *testing.B)    { benchmarkDecode(b, 10) }
func BenchmarkDecode1000(b *testing.B)  { benchmarkDecode(b, 1000) }
func BenchmarkDecode10000(b *testing.B) { benchmarkDecode(b, 10000) }

func benchmarkDecode(b *testing.B, lines int) {
	data := benchInvoice(lines)
	if lines == 10 {
		b.Logf("%d bytes", len(data))
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Decode(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(lines), "ns/line")
}

// An EXTENDED logistics service charge is the document level charge
// (BG-21) it is in EN 16931 terms.
func TestDecodeLogisticsCharge(t *testing.T) {
	src := strings.Replace(string(genInvoice(2)), "<ram:SpecifiedTradePaymentTerms>",
		"<ram:SpecifiedLogisticsServiceCharge><ram:Description>Transport</ram:Description><ram:AppliedAmount>3.00</ram:AppliedAmount>"+
			"<ram:AppliedTradeTax><ram:TypeCode>VAT</ram:TypeCode><ram:CategoryCode>S</ram:CategoryCode><ram:RateApplicablePercent>19.00</ram:RateApplicablePercent></ram:AppliedTradeTax>"+
			"</ram:SpecifiedLogisticsServiceCharge><ram:SpecifiedTradePaymentTerms>", 1)
	doc, err := Decode(strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Ignored) != 0 {
		t.Errorf("ignored %v", doc.Ignored)
	}
	c := doc.Invoice.Charges[len(doc.Invoice.Charges)-1]
	if c.Reason != "Transport" || c.Amount.String() != "3" || c.Amount.Exponent() != -2 || c.VAT.Category != "S" || c.VAT.Rate == nil || c.VAT.Rate.StringFixed(2) != "19.00" {
		t.Errorf("charge %+v", c)
	}
}

// A price allowance without its ChargeIndicator (intarsys's ZUGFeRD 2.0
// samples) reads as the price discount when gross − discount = net, and is
// an error when the prices disagree or the Decoder is strict.
func TestDecodeUnmarkedPriceDiscount(t *testing.T) {
	indicator := `<ram:ChargeIndicator>
              <udt:Indicator>false</udt:Indicator>
            </ram:ChargeIndicator>
            `
	src := string(genInvoice(2))
	if !strings.Contains(src, indicator+"<ram:ActualAmount>0.5000") {
		t.Fatal("the generated invoice changed: no price discount found")
	}
	unmarked := strings.ReplaceAll(src, indicator+"<ram:ActualAmount>0.5000", "<ram:ActualAmount>0.5000")
	doc, err := Decode(strings.NewReader(unmarked))
	if err != nil {
		t.Fatal(err)
	}
	for i, l := range doc.Invoice.Lines {
		if l.Price.Discount == nil || l.Price.Discount.String() != "0.5" {
			t.Errorf("line %d: discount %v, want 0.5000", i, l.Price.Discount)
		}
	}
	if _, err := (&Decoder{Strict: true}).Decode(strings.NewReader(unmarked)); err == nil || !strings.Contains(err.Error(), "without ram:ChargeIndicator") {
		t.Errorf("strict: %v, want the missing indicator", err)
	}
	wrong := strings.Replace(unmarked, "<ram:ActualAmount>0.5000", "<ram:ActualAmount>0.4000", 1)
	_, err = Decode(strings.NewReader(wrong))
	var de *einvoice.DecodeError
	if !errors.As(err, &de) || !strings.Contains(de.Msg, "not the gross price") || !strings.Contains(de.Path, "AppliedTradeAllowanceCharge") {
		t.Errorf("prices disagree: %v, want an error at the allowance", err)
	}
}
