package ubl

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

// tgHead, tgLine and tgTail make a UBL invoice of any number of lines with
// most terms of EN 16931, for the tests; $N is the line number, $NET, $VAT,
// $VATUSD and $GROSS the totals.
const tgHead = `<?xml version="1.0" encoding="UTF-8"?>
<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  <cbc:UBLVersionID>2.1</cbc:UBLVersionID>
  <cbc:CustomizationID>urn:cen.eu:en16931:2017</cbc:CustomizationID>
  <cbc:ProfileID>A1</cbc:ProfileID>
  <cbc:ID>F-2026-0042</cbc:ID>
  <cbc:IssueDate>2026-01-15</cbc:IssueDate>
  <cbc:DueDate>2026-02-14</cbc:DueDate>
  <cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>
  <cbc:Note>#PMD#Pénalités de retard : trois fois le taux d'intérêt légal.</cbc:Note>
  <cbc:Note>#PMT#Indemnité forfaitaire pour frais de recouvrement : 40 €.</cbc:Note>
  <cbc:Note>Merci ## pour votre confiance.</cbc:Note>
  <cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>
  <cbc:TaxCurrencyCode>USD</cbc:TaxCurrencyCode>
  <cbc:AccountingCost>411000</cbc:AccountingCost>
  <cbc:BuyerReference>SERVICE-42</cbc:BuyerReference>
  <cac:InvoicePeriod>
    <cbc:StartDate>2026-01-01</cbc:StartDate>
    <cbc:EndDate>2026-01-31</cbc:EndDate>
    <cbc:DescriptionCode>3</cbc:DescriptionCode>
  </cac:InvoicePeriod>
  <cac:OrderReference>
    <cbc:ID>PO-1</cbc:ID>
    <cbc:SalesOrderID>SO-1</cbc:SalesOrderID>
  </cac:OrderReference>
  <cac:BillingReference>
    <cac:InvoiceDocumentReference>
      <cbc:ID>F-2025-0999</cbc:ID>
      <cbc:IssueDate>2025-12-15</cbc:IssueDate>
    </cac:InvoiceDocumentReference>
  </cac:BillingReference>
  <cac:DespatchDocumentReference>
    <cbc:ID>DA-1</cbc:ID>
  </cac:DespatchDocumentReference>
  <cac:ReceiptDocumentReference>
    <cbc:ID>RA-1</cbc:ID>
  </cac:ReceiptDocumentReference>
  <cac:OriginatorDocumentReference>
    <cbc:ID>LOT-7</cbc:ID>
  </cac:OriginatorDocumentReference>
  <cac:ContractDocumentReference>
    <cbc:ID>CT-1</cbc:ID>
  </cac:ContractDocumentReference>
  <cac:AdditionalDocumentReference>
    <cbc:ID schemeID="AWV">METER-9</cbc:ID>
    <cbc:DocumentTypeCode>130</cbc:DocumentTypeCode>
  </cac:AdditionalDocumentReference>
  <cac:AdditionalDocumentReference>
    <cbc:ID>ATT-1</cbc:ID>
    <cbc:DocumentDescription>Timesheet</cbc:DocumentDescription>
    <cac:Attachment>
      <cbc:EmbeddedDocumentBinaryObject mimeCode="text/csv" filename="timesheet.csv">aGVsbG8s
        d29ybGQK</cbc:EmbeddedDocumentBinaryObject>
      <cac:ExternalReference>
        <cbc:URI>https://example.com/att-1</cbc:URI>
      </cac:ExternalReference>
    </cac:Attachment>
  </cac:AdditionalDocumentReference>
  <cac:ProjectReference>
    <cbc:ID>PRJ-3</cbc:ID>
  </cac:ProjectReference>
  <cac:AccountingSupplierParty>
    <cac:Party>
      <cbc:EndpointID schemeID="0225">123456789_STATUTS</cbc:EndpointID>
      <cac:PartyIdentification>
        <cbc:ID>S-001</cbc:ID>
      </cac:PartyIdentification>
      <cac:PartyIdentification>
        <cbc:ID schemeID="0009">12345678900017</cbc:ID>
      </cac:PartyIdentification>
      <cac:PartyIdentification>
        <cbc:ID schemeID="SEPA">FR00ZZZ123456</cbc:ID>
      </cac:PartyIdentification>
      <cac:PartyName>
        <cbc:Name>Vendeur</cbc:Name>
      </cac:PartyName>
      <cac:PostalAddress>
        <cbc:StreetName>1 rue de la Paix</cbc:StreetName>
        <cbc:AdditionalStreetName>Bâtiment A</cbc:AdditionalStreetName>
        <cbc:CityName>Paris</cbc:CityName>
        <cbc:PostalZone>75001</cbc:PostalZone>
        <cbc:CountrySubentity>Île-de-France</cbc:CountrySubentity>
        <cac:AddressLine>
          <cbc:Line>3e étage</cbc:Line>
        </cac:AddressLine>
        <cac:Country>
          <cbc:IdentificationCode>FR</cbc:IdentificationCode>
        </cac:Country>
      </cac:PostalAddress>
      <cac:PartyTaxScheme>
        <cbc:CompanyID>FR32123456789</cbc:CompanyID>
        <cac:TaxScheme>
          <cbc:ID>VAT</cbc:ID>
        </cac:TaxScheme>
      </cac:PartyTaxScheme>
      <cac:PartyTaxScheme>
        <cbc:CompanyID>123/456/789</cbc:CompanyID>
        <cac:TaxScheme>
          <cbc:ID>FC</cbc:ID>
        </cac:TaxScheme>
      </cac:PartyTaxScheme>
      <cac:PartyLegalEntity>
        <cbc:RegistrationName>Vendeur SAS</cbc:RegistrationName>
        <cbc:CompanyID schemeID="0002">123456789</cbc:CompanyID>
        <cbc:CompanyLegalForm>SAS au capital de 10 000 €</cbc:CompanyLegalForm>
      </cac:PartyLegalEntity>
      <cac:Contact>
        <cbc:Name>Jeanne Martin</cbc:Name>
        <cbc:Telephone>+33 1 23 45 67 89</cbc:Telephone>
        <cbc:ElectronicMail>jeanne@vendeur.example</cbc:ElectronicMail>
      </cac:Contact>
    </cac:Party>
  </cac:AccountingSupplierParty>
  <cac:AccountingCustomerParty>
    <cac:Party>
      <cbc:EndpointID schemeID="0009">98765432100015</cbc:EndpointID>
      <cac:PartyIdentification>
        <cbc:ID schemeID="0009">98765432100015</cbc:ID>
      </cac:PartyIdentification>
      <cac:PartyName>
        <cbc:Name>Acheteur</cbc:Name>
      </cac:PartyName>
      <cac:PostalAddress>
        <cbc:StreetName>2 place Bellecour</cbc:StreetName>
        <cbc:CityName>Lyon</cbc:CityName>
        <cbc:PostalZone>69001</cbc:PostalZone>
        <cac:Country>
          <cbc:IdentificationCode>FR</cbc:IdentificationCode>
        </cac:Country>
      </cac:PostalAddress>
      <cac:PartyTaxScheme>
        <cbc:CompanyID>FR11987654321</cbc:CompanyID>
        <cac:TaxScheme>
          <cbc:ID>VAT</cbc:ID>
        </cac:TaxScheme>
      </cac:PartyTaxScheme>
      <cac:PartyLegalEntity>
        <cbc:RegistrationName>Acheteur SA</cbc:RegistrationName>
        <cbc:CompanyID schemeID="0002">987654321</cbc:CompanyID>
      </cac:PartyLegalEntity>
      <cac:Contact>
        <cbc:Name>Comptabilité</cbc:Name>
        <cbc:Telephone>+33 4 00 00 00 00</cbc:Telephone>
      </cac:Contact>
    </cac:Party>
  </cac:AccountingCustomerParty>
  <cac:PayeeParty>
    <cac:PartyIdentification>
      <cbc:ID schemeID="0009">55555555500011</cbc:ID>
    </cac:PartyIdentification>
    <cac:PartyName>
      <cbc:Name>Factor SA</cbc:Name>
    </cac:PartyName>
    <cac:PartyLegalEntity>
      <cbc:CompanyID schemeID="0002">555555555</cbc:CompanyID>
    </cac:PartyLegalEntity>
  </cac:PayeeParty>
  <cac:TaxRepresentativeParty>
    <cac:PartyName>
      <cbc:Name>Représentant fiscal</cbc:Name>
    </cac:PartyName>
    <cac:PostalAddress>
      <cbc:StreetName>3 quai du Port</cbc:StreetName>
      <cbc:CityName>Marseille</cbc:CityName>
      <cbc:PostalZone>13001</cbc:PostalZone>
      <cac:Country>
        <cbc:IdentificationCode>FR</cbc:IdentificationCode>
      </cac:Country>
    </cac:PostalAddress>
    <cac:PartyTaxScheme>
      <cbc:CompanyID>FR55111222333</cbc:CompanyID>
      <cac:TaxScheme>
        <cbc:ID>VAT</cbc:ID>
      </cac:TaxScheme>
    </cac:PartyTaxScheme>
  </cac:TaxRepresentativeParty>
  <cac:Delivery>
    <cbc:ActualDeliveryDate>2026-01-10</cbc:ActualDeliveryDate>
    <cac:DeliveryLocation>
      <cbc:ID schemeID="0088">4000001000005</cbc:ID>
      <cac:Address>
        <cbc:StreetName>4 allée du Dépôt</cbc:StreetName>
        <cbc:CityName>Strasbourg</cbc:CityName>
        <cbc:PostalZone>67000</cbc:PostalZone>
        <cac:Country>
          <cbc:IdentificationCode>FR</cbc:IdentificationCode>
        </cac:Country>
      </cac:Address>
    </cac:DeliveryLocation>
    <cac:DeliveryParty>
      <cac:PartyName>
        <cbc:Name>Entrepôt</cbc:Name>
      </cac:PartyName>
    </cac:DeliveryParty>
  </cac:Delivery>
  <cac:PaymentMeans>
    <cbc:PaymentMeansCode name="Virement SEPA">58</cbc:PaymentMeansCode>
    <cbc:PaymentID>F-2026-0042</cbc:PaymentID>
    <cac:CardAccount>
      <cbc:PrimaryAccountNumberID>1234</cbc:PrimaryAccountNumberID>
      <cbc:NetworkID>NA</cbc:NetworkID>
      <cbc:HolderName>J. Martin</cbc:HolderName>
    </cac:CardAccount>
    <cac:PayeeFinancialAccount>
      <cbc:ID>FR7630006000011234567890189</cbc:ID>
      <cbc:Name>Vendeur SAS</cbc:Name>
      <cac:FinancialInstitutionBranch>
        <cbc:ID>AGRIFRPP</cbc:ID>
      </cac:FinancialInstitutionBranch>
    </cac:PayeeFinancialAccount>
    <cac:PaymentMandate>
      <cbc:ID>MANDATE-1</cbc:ID>
      <cac:PayerFinancialAccount>
        <cbc:ID>FR7630001007941234567890185</cbc:ID>
      </cac:PayerFinancialAccount>
    </cac:PaymentMandate>
  </cac:PaymentMeans>
  <cac:PaymentMeans>
    <cbc:PaymentMeansCode name="Virement SEPA">58</cbc:PaymentMeansCode>
    <cbc:PaymentID>F-2026-0042</cbc:PaymentID>
    <cac:PayeeFinancialAccount>
      <cbc:ID>ACC-2</cbc:ID>
      <cbc:Name>Second</cbc:Name>
    </cac:PayeeFinancialAccount>
  </cac:PaymentMeans>
  <cac:PaymentTerms>
    <cbc:Note>30 jours net</cbc:Note>
  </cac:PaymentTerms>
  <cac:AllowanceCharge>
    <cbc:ChargeIndicator>false</cbc:ChargeIndicator>
    <cbc:AllowanceChargeReasonCode>95</cbc:AllowanceChargeReasonCode>
    <cbc:MultiplierFactorNumeric>0</cbc:MultiplierFactorNumeric>
    <cbc:Amount currencyID="EUR">0.00</cbc:Amount>
    <cbc:BaseAmount currencyID="EUR">$NET</cbc:BaseAmount>
    <cac:TaxCategory>
      <cbc:ID>S</cbc:ID>
      <cbc:Percent>20.00</cbc:Percent>
      <cac:TaxScheme>
        <cbc:ID>VAT</cbc:ID>
      </cac:TaxScheme>
    </cac:TaxCategory>
  </cac:AllowanceCharge>
  <cac:AllowanceCharge>
    <cbc:ChargeIndicator>true</cbc:ChargeIndicator>
    <cbc:AllowanceChargeReasonCode>FC</cbc:AllowanceChargeReasonCode>
    <cbc:AllowanceChargeReason>Freight</cbc:AllowanceChargeReason>
    <cbc:Amount currencyID="EUR">0.00</cbc:Amount>
    <cac:TaxCategory>
      <cbc:ID>S</cbc:ID>
      <cbc:Percent>20.00</cbc:Percent>
      <cac:TaxScheme>
        <cbc:ID>VAT</cbc:ID>
      </cac:TaxScheme>
    </cac:TaxCategory>
  </cac:AllowanceCharge>
  <cac:TaxTotal>
    <cbc:TaxAmount currencyID="EUR">$VAT</cbc:TaxAmount>
    <cac:TaxSubtotal>
      <cbc:TaxableAmount currencyID="EUR">$NET</cbc:TaxableAmount>
      <cbc:TaxAmount currencyID="EUR">$VAT</cbc:TaxAmount>
      <cac:TaxCategory>
        <cbc:ID>S</cbc:ID>
        <cbc:Percent>20.00</cbc:Percent>
        <cac:TaxScheme>
          <cbc:ID>VAT</cbc:ID>
        </cac:TaxScheme>
      </cac:TaxCategory>
    </cac:TaxSubtotal>
    <cac:TaxSubtotal>
      <cbc:TaxableAmount currencyID="EUR">0.00</cbc:TaxableAmount>
      <cbc:TaxAmount currencyID="EUR">0.00</cbc:TaxAmount>
      <cac:TaxCategory>
        <cbc:ID>E</cbc:ID>
        <cbc:Percent>0</cbc:Percent>
        <cbc:TaxExemptionReasonCode>VATEX-EU-132</cbc:TaxExemptionReasonCode>
        <cbc:TaxExemptionReason>Exonération</cbc:TaxExemptionReason>
        <cac:TaxScheme>
          <cbc:ID>VAT</cbc:ID>
        </cac:TaxScheme>
      </cac:TaxCategory>
    </cac:TaxSubtotal>
  </cac:TaxTotal>
  <cac:TaxTotal>
    <cbc:TaxAmount currencyID="USD">$VATUSD</cbc:TaxAmount>
  </cac:TaxTotal>
  <cac:LegalMonetaryTotal>
    <cbc:LineExtensionAmount currencyID="EUR">$NET</cbc:LineExtensionAmount>
    <cbc:TaxExclusiveAmount currencyID="EUR">$NET</cbc:TaxExclusiveAmount>
    <cbc:TaxInclusiveAmount currencyID="EUR">$GROSS</cbc:TaxInclusiveAmount>
    <cbc:AllowanceTotalAmount currencyID="EUR">0.00</cbc:AllowanceTotalAmount>
    <cbc:ChargeTotalAmount currencyID="EUR">0.00</cbc:ChargeTotalAmount>
    <cbc:PrepaidAmount currencyID="EUR">0.00</cbc:PrepaidAmount>
    <cbc:PayableRoundingAmount currencyID="EUR">0.00</cbc:PayableRoundingAmount>
    <cbc:PayableAmount currencyID="EUR">$GROSS</cbc:PayableAmount>
  </cac:LegalMonetaryTotal>
`

const tgLine = `  <cac:InvoiceLine>
    <cbc:ID>$N</cbc:ID>
    <cbc:Note>Line note $N</cbc:Note>
    <cbc:InvoicedQuantity unitCode="C62">2.000</cbc:InvoicedQuantity>
    <cbc:LineExtensionAmount currencyID="EUR">20.00</cbc:LineExtensionAmount>
    <cbc:AccountingCost>6064</cbc:AccountingCost>
    <cac:InvoicePeriod>
      <cbc:StartDate>2026-01-01</cbc:StartDate>
      <cbc:EndDate>2026-01-31</cbc:EndDate>
    </cac:InvoicePeriod>
    <cac:OrderLineReference>
      <cbc:LineID>$N</cbc:LineID>
    </cac:OrderLineReference>
    <cac:DocumentReference>
      <cbc:ID schemeID="AWV">OBJ-$N</cbc:ID>
      <cbc:DocumentTypeCode>130</cbc:DocumentTypeCode>
    </cac:DocumentReference>
    <cac:AllowanceCharge>
      <cbc:ChargeIndicator>false</cbc:ChargeIndicator>
      <cbc:AllowanceChargeReasonCode>95</cbc:AllowanceChargeReasonCode>
      <cbc:AllowanceChargeReason>Discount</cbc:AllowanceChargeReason>
      <cbc:MultiplierFactorNumeric>5.00</cbc:MultiplierFactorNumeric>
      <cbc:Amount currencyID="EUR">1.00</cbc:Amount>
      <cbc:BaseAmount currencyID="EUR">20.00</cbc:BaseAmount>
    </cac:AllowanceCharge>
    <cac:AllowanceCharge>
      <cbc:ChargeIndicator>true</cbc:ChargeIndicator>
      <cbc:AllowanceChargeReasonCode>FC</cbc:AllowanceChargeReasonCode>
      <cbc:Amount currencyID="EUR">1.00</cbc:Amount>
    </cac:AllowanceCharge>
    <cac:Item>
      <cbc:Description>Description of article $N</cbc:Description>
      <cbc:Name>Article $N</cbc:Name>
      <cac:BuyersItemIdentification>
        <cbc:ID>B-$N</cbc:ID>
      </cac:BuyersItemIdentification>
      <cac:SellersItemIdentification>
        <cbc:ID>SKU-$N</cbc:ID>
      </cac:SellersItemIdentification>
      <cac:StandardItemIdentification>
        <cbc:ID schemeID="0160">40123450012$N</cbc:ID>
      </cac:StandardItemIdentification>
      <cac:OriginCountry>
        <cbc:IdentificationCode>FR</cbc:IdentificationCode>
      </cac:OriginCountry>
      <cac:CommodityClassification>
        <cbc:ItemClassificationCode listID="STI" listVersionID="2.1">1234</cbc:ItemClassificationCode>
      </cac:CommodityClassification>
      <cac:ClassifiedTaxCategory>
        <cbc:ID>S</cbc:ID>
        <cbc:Percent>20.00</cbc:Percent>
        <cac:TaxScheme>
          <cbc:ID>VAT</cbc:ID>
        </cac:TaxScheme>
      </cac:ClassifiedTaxCategory>
      <cac:AdditionalItemProperty>
        <cbc:Name>Colour</cbc:Name>
        <cbc:Value>Blue</cbc:Value>
      </cac:AdditionalItemProperty>
    </cac:Item>
    <cac:Price>
      <cbc:PriceAmount currencyID="EUR">10.0000</cbc:PriceAmount>
      <cbc:BaseQuantity unitCode="C62">1</cbc:BaseQuantity>
      <cac:AllowanceCharge>
        <cbc:ChargeIndicator>false</cbc:ChargeIndicator>
        <cbc:Amount currencyID="EUR">0.5000</cbc:Amount>
        <cbc:BaseAmount currencyID="EUR">10.5000</cbc:BaseAmount>
      </cac:AllowanceCharge>
    </cac:Price>
  </cac:InvoiceLine>
`

const tgTail = "</Invoice>\n"

// tgInvoice returns the generated invoice with n lines of 20.00 net at
// 20%.
func tgInvoice(n int) []byte { return tgDoc(tgHead, tgLine, n) }

// tgBenchInvoice returns a typical EN 16931 invoice of n lines.
func tgBenchInvoice(n int) []byte { return tgDoc(tgBenchHead, tgBenchLine, n) }

func tgDoc(head, line string, n int) []byte {
	var b strings.Builder
	b.Grow(len(head) + n*(len(line)+16) + len(tgTail))
	cents := func(c int) string { return strconv.Itoa(c/100) + "." + strconv.Itoa(c%100/10) + strconv.Itoa(c%10) }
	net := n * 2000
	vat := net / 5
	b.WriteString(strings.NewReplacer("$NET", cents(net), "$VATUSD", cents(vat*11/10), "$VAT", cents(vat), "$GROSS", cents(net+vat)).Replace(head))
	for i := 1; i <= n; i++ {
		b.WriteString(strings.ReplaceAll(line, "$N", strconv.Itoa(i)))
	}
	b.WriteString(tgTail)
	return []byte(b.String())
}

// tgBenchHead and tgBenchLine are a typical EN 16931 invoice.
const tgBenchHead = `<?xml version="1.0" encoding="UTF-8"?>
<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  <cbc:CustomizationID>urn:cen.eu:en16931:2017</cbc:CustomizationID>
  <cbc:ID>F-2026-0042</cbc:ID>
  <cbc:IssueDate>2026-01-15</cbc:IssueDate>
  <cbc:DueDate>2026-02-14</cbc:DueDate>
  <cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>
  <cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>
  <cbc:BuyerReference>SERVICE-42</cbc:BuyerReference>
  <cac:OrderReference>
    <cbc:ID>PO-1</cbc:ID>
  </cac:OrderReference>
  <cac:AccountingSupplierParty>
    <cac:Party>
      <cbc:EndpointID schemeID="0225">123456789_STATUTS</cbc:EndpointID>
      <cac:PartyIdentification>
        <cbc:ID schemeID="0009">12345678900017</cbc:ID>
      </cac:PartyIdentification>
      <cac:PostalAddress>
        <cbc:StreetName>1 rue de la Paix</cbc:StreetName>
        <cbc:CityName>Paris</cbc:CityName>
        <cbc:PostalZone>75001</cbc:PostalZone>
        <cac:Country>
          <cbc:IdentificationCode>FR</cbc:IdentificationCode>
        </cac:Country>
      </cac:PostalAddress>
      <cac:PartyTaxScheme>
        <cbc:CompanyID>FR32123456789</cbc:CompanyID>
        <cac:TaxScheme>
          <cbc:ID>VAT</cbc:ID>
        </cac:TaxScheme>
      </cac:PartyTaxScheme>
      <cac:PartyLegalEntity>
        <cbc:RegistrationName>Vendeur SAS</cbc:RegistrationName>
        <cbc:CompanyID schemeID="0002">123456789</cbc:CompanyID>
      </cac:PartyLegalEntity>
    </cac:Party>
  </cac:AccountingSupplierParty>
  <cac:AccountingCustomerParty>
    <cac:Party>
      <cbc:EndpointID schemeID="0009">98765432100015</cbc:EndpointID>
      <cac:PartyIdentification>
        <cbc:ID schemeID="0009">98765432100015</cbc:ID>
      </cac:PartyIdentification>
      <cac:PostalAddress>
        <cbc:StreetName>2 place Bellecour</cbc:StreetName>
        <cbc:CityName>Lyon</cbc:CityName>
        <cbc:PostalZone>69001</cbc:PostalZone>
        <cac:Country>
          <cbc:IdentificationCode>FR</cbc:IdentificationCode>
        </cac:Country>
      </cac:PostalAddress>
      <cac:PartyLegalEntity>
        <cbc:RegistrationName>Acheteur SA</cbc:RegistrationName>
      </cac:PartyLegalEntity>
    </cac:Party>
  </cac:AccountingCustomerParty>
  <cac:Delivery>
    <cbc:ActualDeliveryDate>2026-01-10</cbc:ActualDeliveryDate>
  </cac:Delivery>
  <cac:PaymentMeans>
    <cbc:PaymentMeansCode>58</cbc:PaymentMeansCode>
    <cbc:PaymentID>F-2026-0042</cbc:PaymentID>
    <cac:PayeeFinancialAccount>
      <cbc:ID>FR7630006000011234567890189</cbc:ID>
    </cac:PayeeFinancialAccount>
  </cac:PaymentMeans>
  <cac:PaymentTerms>
    <cbc:Note>30 jours net</cbc:Note>
  </cac:PaymentTerms>
  <cac:TaxTotal>
    <cbc:TaxAmount currencyID="EUR">$VAT</cbc:TaxAmount>
    <cac:TaxSubtotal>
      <cbc:TaxableAmount currencyID="EUR">$NET</cbc:TaxableAmount>
      <cbc:TaxAmount currencyID="EUR">$VAT</cbc:TaxAmount>
      <cac:TaxCategory>
        <cbc:ID>S</cbc:ID>
        <cbc:Percent>20.00</cbc:Percent>
        <cac:TaxScheme>
          <cbc:ID>VAT</cbc:ID>
        </cac:TaxScheme>
      </cac:TaxCategory>
    </cac:TaxSubtotal>
  </cac:TaxTotal>
  <cac:LegalMonetaryTotal>
    <cbc:LineExtensionAmount currencyID="EUR">$NET</cbc:LineExtensionAmount>
    <cbc:TaxExclusiveAmount currencyID="EUR">$NET</cbc:TaxExclusiveAmount>
    <cbc:TaxInclusiveAmount currencyID="EUR">$GROSS</cbc:TaxInclusiveAmount>
    <cbc:PayableAmount currencyID="EUR">$GROSS</cbc:PayableAmount>
  </cac:LegalMonetaryTotal>
`

const tgBenchLine = `  <cac:InvoiceLine>
    <cbc:ID>$N</cbc:ID>
    <cbc:InvoicedQuantity unitCode="C62">2.0000</cbc:InvoicedQuantity>
    <cbc:LineExtensionAmount currencyID="EUR">20.00</cbc:LineExtensionAmount>
    <cac:Item>
      <cbc:Name>Article $N</cbc:Name>
      <cac:SellersItemIdentification>
        <cbc:ID>SKU-$N</cbc:ID>
      </cac:SellersItemIdentification>
      <cac:StandardItemIdentification>
        <cbc:ID schemeID="0160">40123450012$N</cbc:ID>
      </cac:StandardItemIdentification>
      <cac:ClassifiedTaxCategory>
        <cbc:ID>S</cbc:ID>
        <cbc:Percent>20.00</cbc:Percent>
        <cac:TaxScheme>
          <cbc:ID>VAT</cbc:ID>
        </cac:TaxScheme>
      </cac:ClassifiedTaxCategory>
    </cac:Item>
    <cac:Price>
      <cbc:PriceAmount currencyID="EUR">10.0000</cbc:PriceAmount>
      <cac:AllowanceCharge>
        <cbc:ChargeIndicator>false</cbc:ChargeIndicator>
        <cbc:Amount currencyID="EUR">0.0000</cbc:Amount>
        <cbc:BaseAmount currencyID="EUR">10.0000</cbc:BaseAmount>
      </cac:AllowanceCharge>
    </cac:Price>
  </cac:InvoiceLine>
`

func tdec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func tdecp(s string) *decimal.Decimal { d := tdec(s); return &d }

func tday(y int, m time.Month, d int) einvoice.Date { return einvoice.NewDate(y, m, d) }

// texact formats a decimal with its own number of decimals, as written.
func texact(d decimal.Decimal) string {
	if d.Exponent() < 0 {
		return d.StringFixed(-d.Exponent())
	}
	return d.String()
}

func tdecode(t *testing.T, s string) *Document {
	t.Helper()
	doc, err := Decode(strings.NewReader(s))
	if err != nil {
		t.Fatalf("Decode: %v", err)
	}
	return doc
}

// tgLineWant is the model of line n of tgInvoice.
func tgLineWant(n int) einvoice.Line {
	ns := strconv.Itoa(n)
	return einvoice.Line{
		ID: ns, Note: "Line note " + ns,
		Object:   einvoice.ObjectID{Value: "OBJ-" + ns, Scheme: "AWV"},
		Quantity: tdec("2.000"), Unit: "C62", NetAmount: tdec("20.00"),
		OrderLineReference: ns, BuyerAccountingReference: "6064",
		Period: &einvoice.Period{Start: tday(2026, 1, 1), End: tday(2026, 1, 31)},
		Allowances: []einvoice.LineAllowance{{
			Amount: tdec("1.00"), BaseAmount: tdecp("20.00"), Percentage: tdecp("5.00"), Reason: "Discount", ReasonCode: "95",
		}},
		Charges: []einvoice.LineCharge{{Amount: tdec("1.00"), ReasonCode: "FC"}},
		Price: einvoice.Price{
			Net: tdec("10.0000"), Discount: tdecp("0.5000"), Gross: tdecp("10.5000"), BaseQuantity: tdecp("1"), BaseUnit: "C62",
		},
		VAT: einvoice.VAT{Category: "S", Rate: tdecp("20.00")},
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

// tgWant is the model of tgInvoice(2).
func tgWant() *einvoice.Invoice {
	return &einvoice.Invoice{
		Number: "F-2026-0042", IssueDate: tday(2026, 1, 15), TypeCode: "380",
		Currency: "EUR", TaxCurrency: "USD", TaxPointDateCode: "3", DueDate: tday(2026, 2, 14),
		BuyerReference: "SERVICE-42", ProjectReference: "PRJ-3", ContractReference: "CT-1",
		PurchaseOrderReference: "PO-1", SalesOrderReference: "SO-1",
		ReceivingAdviceReference: "RA-1", DespatchAdviceReference: "DA-1",
		TenderOrLotReference: "LOT-7", InvoicedObject: einvoice.ObjectID{Value: "METER-9", Scheme: "AWV"},
		BuyerAccountingReference: "411000", PaymentTerms: "30 jours net",
		Notes: []einvoice.Note{
			{SubjectCode: "PMD", Text: "Pénalités de retard : trois fois le taux d'intérêt légal."},
			{SubjectCode: "PMT", Text: "Indemnité forfaitaire pour frais de recouvrement : 40 €."},
			{Text: "Merci ## pour votre confiance."},
		},
		Process:           einvoice.ProcessControl{BusinessProcess: "A1", Specification: "urn:cen.eu:en16931:2017"},
		PrecedingInvoices: []einvoice.PrecedingInvoice{{Number: "F-2025-0999", IssueDate: tday(2025, 12, 15)}},
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
			Date:    tday(2026, 1, 10),
			Address: &einvoice.Address{Line1: "4 allée du Dépôt", City: "Strasbourg", PostCode: "67000", Country: "FR"}},
		InvoicingPeriod: &einvoice.Period{Start: tday(2026, 1, 1), End: tday(2026, 1, 31)},
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
		Allowances: []einvoice.Allowance{{Amount: tdec("0.00"), BaseAmount: tdecp("40.00"), Percentage: tdecp("0"),
			VAT: einvoice.VAT{Category: "S", Rate: tdecp("20.00")}, ReasonCode: "95"}},
		Charges: []einvoice.Charge{{Amount: tdec("0.00"), VAT: einvoice.VAT{Category: "S", Rate: tdecp("20.00")},
			Reason: "Freight", ReasonCode: "FC"}},
		Totals: einvoice.Totals{LineNet: tdec("40.00"), Allowances: tdecp("0.00"), Charges: tdecp("0.00"),
			TaxExclusive: tdec("40.00"), VAT: tdecp("8.00"), VATInTaxCurrency: tdecp("8.80"), TaxInclusive: tdec("48.00"),
			Paid: tdecp("0.00"), Rounding: tdecp("0.00"), Due: tdec("48.00")},
		VATBreakdown: []einvoice.VATBreakdown{
			{TaxableAmount: tdec("40.00"), TaxAmount: tdec("8.00"), Category: "S", Rate: tdecp("20.00")},
			{TaxableAmount: tdec("0.00"), TaxAmount: tdec("0.00"), Category: "E", Rate: tdecp("0"),
				ExemptionReason: "Exonération", ExemptionReasonCode: "VATEX-EU-132"},
		},
		Attachments: []einvoice.Attachment{{ID: "ATT-1", Description: "Timesheet", ExternalLocation: "https://example.com/att-1",
			Content: []byte("hello,world\n"), MIMECode: "text/csv", Filename: "timesheet.csv"}},
		Lines: []einvoice.Line{tgLineWant(1), tgLineWant(2)},
	}
}

// TestDecodeGenerated checks every term of the generated invoice.
func TestDecodeGenerated(t *testing.T) {
	doc := tdecode(t, string(tgInvoice(2)))
	if doc.CreditNote {
		t.Errorf("CreditNote = true")
	}
	if len(doc.Ignored) != 0 {
		t.Errorf("Ignored = %v, want none", doc.Ignored)
	}
	if d := modeltest.Diff(tgWant(), doc.Invoice); d != nil {
		t.Errorf("decoded invoice differs:\n%s", strings.Join(d, "\n"))
	}
}

// tgCreditNote turns the generated invoice into a credit note: its root,
// type code, lines and quantities; BT-9 in the payment means and BT-11 in
// an additional document of type 50, as UBL 2.1 has no other place for
// them in a CreditNote.
func tgCreditNote(n int) string {
	return strings.NewReplacer(
		`<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"`, `<CreditNote xmlns="urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"`,
		"</Invoice>", "</CreditNote>",
		"<cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>", "<cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>",
		"cac:InvoiceLine>", "cac:CreditNoteLine>",
		"cbc:InvoicedQuantity", "cbc:CreditedQuantity",
		"  <cbc:DueDate>2026-02-14</cbc:DueDate>\n", "",
		`<cbc:PaymentMeansCode name="Virement SEPA">58</cbc:PaymentMeansCode>
    <cbc:PaymentID>F-2026-0042</cbc:PaymentID>
    <cac:CardAccount>`, `<cbc:PaymentMeansCode name="Virement SEPA">58</cbc:PaymentMeansCode>
    <cbc:PaymentDueDate>2026-02-14</cbc:PaymentDueDate>
    <cbc:PaymentID>F-2026-0042</cbc:PaymentID>
    <cac:CardAccount>`,
		"<cac:ProjectReference>\n    <cbc:ID>PRJ-3</cbc:ID>\n  </cac:ProjectReference>",
		"<cac:AdditionalDocumentReference><cbc:ID>PRJ-3</cbc:ID><cbc:DocumentTypeCode>50</cbc:DocumentTypeCode></cac:AdditionalDocumentReference>",
	).Replace(string(tgInvoice(n)))
}

// TestDecodeCreditNote: a CreditNote reads as the invoice does, with its
// type code, lines, due date and project reference.
func TestDecodeCreditNote(t *testing.T) {
	doc := tdecode(t, tgCreditNote(2))
	if !doc.CreditNote {
		t.Errorf("CreditNote = false")
	}
	if len(doc.Ignored) != 0 {
		t.Errorf("Ignored = %v, want none", doc.Ignored)
	}
	want := tgWant()
	want.TypeCode = "381"
	if d := modeltest.Diff(want, doc.Invoice); d != nil {
		t.Errorf("decoded credit note differs:\n%s", strings.Join(d, "\n"))
	}
	// Invoice elements in a CreditNote are reported, and the reverse.
	src := strings.Replace(tgCreditNote(1), "<cbc:CreditNoteTypeCode>", "<cbc:DueDate>2026-03-01</cbc:DueDate><cac:InvoiceLine/><cbc:CreditNoteTypeCode>", 1)
	doc = tdecode(t, src)
	if len(doc.Ignored) != 2 || doc.Ignored[0].Path != "/CreditNote/cbc:DueDate" || doc.Ignored[1].Path != "/CreditNote/cac:InvoiceLine" ||
		doc.Invoice.DueDate != tday(2026, 2, 14) {
		t.Errorf("Invoice elements in a CreditNote: Ignored %v, due date %v", doc.Ignored, doc.Invoice.DueDate)
	}
}

// TestDecodeNamespaces: elements are matched by namespace, whatever the
// prefixes, default namespaces included.
func TestDecodeNamespaces(t *testing.T) {
	base := string(tgInvoice(2))
	const (
		inv = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
		cac = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
	)
	variants := map[string]string{
		"other prefixes": strings.NewReplacer("cac:", "a:", "cbc:", "b:", "xmlns:cac=", "xmlns:a=", "xmlns:cbc=", "xmlns:b=").Replace(base),
		"root prefixed":  strings.NewReplacer("<Invoice xmlns=", "<ubl:Invoice xmlns:ubl=", "</Invoice>", "</ubl:Invoice>").Replace(base),
		"cbc by default": strings.NewReplacer("cbc:", "", `xmlns="`+inv+`"`, `xmlns:ubl="`+inv+`"`, "xmlns:cbc=", "xmlns=",
			"<Invoice ", "<ubl:Invoice ", "</Invoice>", "</ubl:Invoice>").Replace(base),
		"single quotes and spaces": strings.Replace(base, `<Invoice xmlns="`+inv+`"`, "<Invoice\n  xmlns = '"+inv+"'", 1),
		"comments and processing instructions": strings.NewReplacer("<cac:Item>", "<!-- item --><cac:Item><?pi x?>",
			"<cbc:ID>F-2026-0042</cbc:ID>", "<cbc:ID>F-2026-<!-- c -->0042</cbc:ID>").Replace(base),
		"CDATA": strings.Replace(base, "<cbc:BuyerReference>SERVICE-42</cbc:BuyerReference>", "<cbc:BuyerReference><![CDATA[SERVICE]]>-42</cbc:BuyerReference>", 1),
	}
	// cac declared again, under another prefix, on an inner element, and
	// cac bound to another namespace inside it.
	start := strings.Index(base, "<cac:Delivery>")
	end := strings.Index(base, "</cac:Delivery>") + len("</cac:Delivery>")
	inner := strings.ReplaceAll(base[start:end], "cac:", "x:")
	inner = strings.Replace(inner, "<x:Delivery>", `<x:Delivery xmlns:x="`+cac+`" xmlns:cac="urn:other">`, 1)
	variants["redeclared"] = base[:start] + inner + base[end:]
	for name, doc := range variants {
		t.Run(name, func(t *testing.T) {
			got := tdecode(t, doc)
			if len(got.Ignored) != 0 {
				t.Errorf("Ignored = %v", got.Ignored)
			}
			if d := modeltest.Diff(tgWant(), got.Invoice); d != nil {
				t.Errorf("decoded invoice differs:\n%s", strings.Join(d, "\n"))
			}
		})
	}
	// An element of the right local name in another namespace is not UBL.
	other := strings.Replace(base, "<cbc:BuyerReference>SERVICE-42</cbc:BuyerReference>",
		`<cbc:BuyerReference xmlns:cbc="urn:other">SERVICE-42</cbc:BuyerReference>`, 1)
	doc := tdecode(t, other)
	if doc.Invoice.BuyerReference != "" || len(doc.Ignored) != 1 || doc.Ignored[0].Path != "/Invoice/cbc:BuyerReference" {
		t.Errorf("BuyerReference in another namespace: got %q, Ignored %v", doc.Invoice.BuyerReference, doc.Ignored)
	}
}

// TestDecodeOrder: the elements of a group may come in any order, the
// document currency last included.
func TestDecodeOrder(t *testing.T) {
	const doc = `<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
<cac:InvoiceLine>
<cac:Price><cac:AllowanceCharge><cbc:BaseAmount currencyID="USD">4</cbc:BaseAmount><cbc:ChargeIndicator>false</cbc:ChargeIndicator></cac:AllowanceCharge>
<cbc:BaseQuantity unitCode="KGM">10</cbc:BaseQuantity><cbc:PriceAmount currencyID="USD">3.5</cbc:PriceAmount></cac:Price>
<cbc:ID>L1</cbc:ID>
<cac:DocumentReference><cbc:DocumentTypeCode>130</cbc:DocumentTypeCode><cbc:ID>O1</cbc:ID></cac:DocumentReference>
</cac:InvoiceLine>
<cac:LegalMonetaryTotal><cbc:PayableAmount currencyID="USD">55.00</cbc:PayableAmount></cac:LegalMonetaryTotal>
<cac:TaxTotal><cbc:TaxAmount currencyID="EUR">4.50</cbc:TaxAmount></cac:TaxTotal>
<cac:TaxTotal><cac:TaxSubtotal><cac:TaxCategory><cbc:ID>S</cbc:ID></cac:TaxCategory></cac:TaxSubtotal><cbc:TaxAmount currencyID="USD">5.00</cbc:TaxAmount></cac:TaxTotal>
<cac:AllowanceCharge>
<cbc:Amount currencyID="USD">5.00</cbc:Amount>
<cac:TaxCategory><cbc:ID>S</cbc:ID></cac:TaxCategory>
<cbc:ChargeIndicator> 1 </cbc:ChargeIndicator>
</cac:AllowanceCharge>
<cac:AdditionalDocumentReference>
<cbc:DocumentTypeCode>130</cbc:DocumentTypeCode>
<cbc:ID schemeID="AAA">OBJ</cbc:ID>
</cac:AdditionalDocumentReference>
<cac:OrderReference><cbc:SalesOrderID>SO</cbc:SalesOrderID><cbc:ID>NA</cbc:ID></cac:OrderReference>
<cac:PartyTaxScheme/>
<cac:AccountingSupplierParty><cac:Party><cac:PartyTaxScheme><cac:TaxScheme><cbc:ID>vat</cbc:ID></cac:TaxScheme><cbc:CompanyID>DE1</cbc:CompanyID></cac:PartyTaxScheme></cac:Party></cac:AccountingSupplierParty>
<cbc:TaxCurrencyCode>EUR</cbc:TaxCurrencyCode>
<cbc:ID>N-1</cbc:ID>
<cbc:DocumentCurrencyCode> USD </cbc:DocumentCurrencyCode>
</Invoice>`
	got := tdecode(t, doc)
	want := &einvoice.Invoice{
		Number: "N-1", Currency: "USD", TaxCurrency: "EUR", SalesOrderReference: "SO",
		InvoicedObject: einvoice.ObjectID{Value: "OBJ", Scheme: "AAA"},
		Seller:         einvoice.Seller{VATID: "DE1"},
		Charges:        []einvoice.Charge{{Amount: tdec("5.00"), VAT: einvoice.VAT{Category: "S"}}},
		Totals:         einvoice.Totals{VAT: tdecp("5.00"), VATInTaxCurrency: tdecp("4.50"), Due: tdec("55.00")},
		VATBreakdown:   []einvoice.VATBreakdown{{Category: "S"}},
		Lines: []einvoice.Line{{ID: "L1", Object: einvoice.ObjectID{Value: "O1"},
			Price: einvoice.Price{Net: tdec("3.5"), Discount: nil, Gross: tdecp("4"), BaseQuantity: tdecp("10"), BaseUnit: "KGM"}}},
	}
	if len(got.Ignored) != 1 || got.Ignored[0].Path != "/Invoice/cac:PartyTaxScheme" {
		t.Errorf("Ignored = %v, want the misplaced cac:PartyTaxScheme", got.Ignored)
	}
	if d := modeltest.Diff(want, got.Invoice); d != nil {
		t.Errorf("decoded invoice differs:\n%s", strings.Join(d, "\n"))
	}
}

// TestDecodeValues: figures keep the scale written, texts are kept as
// written, codes are trimmed, unknown codes survive, notes give their
// subject code.
func TestDecodeValues(t *testing.T) {
	doc := tgInvoice(1)
	replace := func(old, new string) string {
		s := string(doc)
		if !strings.Contains(s, old) {
			t.Fatalf("%q not in the document", old)
		}
		return strings.Replace(s, old, new, 1)
	}
	note := func(s string) string {
		return replace("<cbc:Note>Merci ## pour votre confiance.</cbc:Note>", "<cbc:Note>"+s+"</cbc:Note>")
	}
	lastNote := func(inv *einvoice.Invoice) string {
		n := inv.Notes[len(inv.Notes)-1]
		return fmt.Sprintf("%q %q", n.SubjectCode, n.Text)
	}
	cases := []struct {
		name, doc string
		check     func(*einvoice.Invoice) string
		want      string
	}{
		{"scale kept", replace(`<cbc:PriceAmount currencyID="EUR">10.0000</cbc:PriceAmount>`, `<cbc:PriceAmount currencyID="EUR">`+"\n 12.30 </cbc:PriceAmount>"),
			func(inv *einvoice.Invoice) string {
				return texact(inv.Lines[0].Price.Net) + " " + fmt.Sprint(inv.Lines[0].Price.Net.Exponent())
			}, "12.30 -2"},
		{"sign", replace(`2.000</cbc:InvoicedQuantity>
    <cbc:LineExtensionAmount currencyID="EUR">20.00</cbc:LineExtensionAmount>`, `2.000</cbc:InvoicedQuantity>
    <cbc:LineExtensionAmount currencyID="EUR">+20.10</cbc:LineExtensionAmount>`),
			func(inv *einvoice.Invoice) string { return texact(inv.Lines[0].NetAmount) }, "20.10"},
		{"negative", replace(`2.000</cbc:InvoicedQuantity>
    <cbc:LineExtensionAmount currencyID="EUR">20.00</cbc:LineExtensionAmount>`, `2.000</cbc:InvoicedQuantity>
    <cbc:LineExtensionAmount currencyID="EUR">-0.50</cbc:LineExtensionAmount>`),
			func(inv *einvoice.Invoice) string { return texact(inv.Lines[0].NetAmount) }, "-0.50"},
		{"forty digits", replace(`<cbc:InvoicedQuantity unitCode="C62">2.000</cbc:InvoicedQuantity>`,
			`<cbc:InvoicedQuantity unitCode="C62">`+strings.Repeat("9", 40)+"."+strings.Repeat("1", 40)+"</cbc:InvoicedQuantity>"),
			func(inv *einvoice.Invoice) string { return texact(inv.Lines[0].Quantity) }, strings.Repeat("9", 40) + "." + strings.Repeat("1", 40)},
		{"xs:decimal forms", replace(`<cbc:BaseQuantity unitCode="C62">1</cbc:BaseQuantity>`, `<cbc:BaseQuantity unitCode="C62">100.</cbc:BaseQuantity>`),
			func(inv *einvoice.Invoice) string { return texact(*inv.Lines[0].Price.BaseQuantity) }, "100"},
		{"leading point", replace("<cbc:MultiplierFactorNumeric>5.00</cbc:MultiplierFactorNumeric>", "<cbc:MultiplierFactorNumeric>.50</cbc:MultiplierFactorNumeric>"),
			func(inv *einvoice.Invoice) string { return texact(*inv.Lines[0].Allowances[0].Percentage) }, "0.50"},
		{"text as written", replace("<cbc:Name>Article 1</cbc:Name>", "<cbc:Name>  Article &amp; co&#x20;\r\n line 2 <![CDATA[<raw> & ]]></cbc:Name>"),
			func(inv *einvoice.Invoice) string { return inv.Lines[0].Item.Name }, "  Article & co \n line 2 <raw> & "},
		{"code trimmed", replace("<cbc:ID>S</cbc:ID>\n        <cbc:Percent>20.00</cbc:Percent>\n        <cac:TaxScheme>\n          <cbc:ID>VAT</cbc:ID>\n        </cac:TaxScheme>\n      </cac:ClassifiedTaxCategory>",
			"<cbc:ID>\n  S \t</cbc:ID>\n        <cbc:Percent>20.00</cbc:Percent>\n        <cac:TaxScheme>\n          <cbc:ID> VAT </cbc:ID>\n        </cac:TaxScheme>\n      </cac:ClassifiedTaxCategory>"),
			func(inv *einvoice.Invoice) string { return string(inv.Lines[0].VAT.Category) }, "S"},
		{"unknown code kept", replace("<cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>", "<cbc:InvoiceTypeCode>999</cbc:InvoiceTypeCode>"),
			func(inv *einvoice.Invoice) string { return string(inv.TypeCode) }, "999"},
		{"attribute trimmed", replace(`<cbc:ID schemeID="0160">`, `<cbc:ID schemeID=" 0160&#10;">`),
			func(inv *einvoice.Invoice) string { return string(inv.Lines[0].Item.StandardID.Scheme) }, "0160"},
		{"leap day", replace("<cbc:IssueDate>2026-01-15</cbc:IssueDate>", "<cbc:IssueDate> 2024-02-29 </cbc:IssueDate>"),
			func(inv *einvoice.Invoice) string { return inv.IssueDate.String() }, "2024-02-29"},
		{"tax point date", replace("<cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>", "<cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode><cbc:TaxPointDate>2026-01-01</cbc:TaxPointDate>"),
			func(inv *einvoice.Invoice) string { return inv.TaxPointDate.String() }, "2026-01-01"},
		{"tax point date code kept", replace("<cbc:DescriptionCode>3</cbc:DescriptionCode>", "<cbc:DescriptionCode>432</cbc:DescriptionCode>"),
			func(inv *einvoice.Invoice) string { return string(inv.TaxPointDateCode) }, "432"},
		{"note subject code", note("#AAB#Pas d'escompte."), lastNote, `"AAB" "Pas d'escompte."`},
		{"note empty text", note("#REG#"), lastNote, `"REG" ""`},
		{"note one-letter code", note("#X#y"), lastNote, `"X" "y"`},
		{"note text with #", note("#ABC#a#b#"), lastNote, `"ABC" "a#b#"`},
		{"note code too long", note("#ABCD#text"), lastNote, `"" "#ABCD#text"`},
		{"note code not alphanumeric", note("#A-B#text"), lastNote, `"" "#A-B#text"`},
		{"note empty code", note("##text"), lastNote, `"" "##text"`},
		{"note not at the start", note(" #PMT#text"), lastNote, `"" " #PMT#text"`},
		{"sales order only", replace("<cbc:ID>PO-1</cbc:ID>", "<cbc:ID> NA </cbc:ID>"),
			func(inv *einvoice.Invoice) string { return inv.PurchaseOrderReference + "|" + inv.SalesOrderReference }, "|SO-1"},
		{"NA as a purchase order", replace("<cbc:ID>PO-1</cbc:ID>\n    <cbc:SalesOrderID>SO-1</cbc:SalesOrderID>", "<cbc:ID>NA</cbc:ID>"),
			func(inv *einvoice.Invoice) string { return inv.PurchaseOrderReference + "|" + inv.SalesOrderReference }, "NA|"},
		{"VAT scheme case", replace("<cbc:CompanyID>FR32123456789</cbc:CompanyID>\n        <cac:TaxScheme>\n          <cbc:ID>VAT</cbc:ID>",
			"<cbc:CompanyID>FR32123456789</cbc:CompanyID>\n        <cac:TaxScheme>\n          <cbc:ID> vat </cbc:ID>"),
			func(inv *einvoice.Invoice) string { return inv.Seller.VATID }, "FR32123456789"},
		{"SEPA scheme case", replace(`<cbc:ID schemeID="SEPA">FR00ZZZ123456</cbc:ID>`, `<cbc:ID schemeID="sepa">FR00ZZZ123456</cbc:ID>`),
			func(inv *einvoice.Invoice) string { return inv.Payment.DirectDebit.CreditorID }, "FR00ZZZ123456"},
		{"creditor ID in the payee", replace(`<cbc:ID schemeID="0009">55555555500011</cbc:ID>`, `<cbc:ID schemeID="SEPA">FR00ZZZ123456</cbc:ID>`),
			func(inv *einvoice.Invoice) string {
				return inv.Payment.DirectDebit.CreditorID + " " + fmt.Sprint(inv.Payee.Identifier.IsZero())
			}, "FR00ZZZ123456 true"},
		{"unpadded base64", replace("d29ybGQK</cbc:EmbeddedDocumentBinaryObject>", "d29ybA</cbc:EmbeddedDocumentBinaryObject>"),
			func(inv *einvoice.Invoice) string { return string(inv.Attachments[0].Content) }, "hello,worl"},
		{"attachment type 916", replace("<cbc:ID>ATT-1</cbc:ID>", "<cbc:ID>ATT-1</cbc:ID><cbc:DocumentTypeCode>916</cbc:DocumentTypeCode>"),
			func(inv *einvoice.Invoice) string { return inv.Attachments[0].ID }, "ATT-1"},
		{"line object without type code", replace("<cbc:DocumentTypeCode>130</cbc:DocumentTypeCode>\n    </cac:DocumentReference>", "</cac:DocumentReference>"),
			func(inv *einvoice.Invoice) string { return fmt.Sprintf("%+v", inv.Lines[0].Object) }, "{Value:OBJ-1 Scheme:AWV}"},
		{"payment due date in an invoice", replace("<cbc:PaymentID>F-2026-0042</cbc:PaymentID>\n    <cac:CardAccount>",
			"<cbc:PaymentDueDate>2026-02-14</cbc:PaymentDueDate><cbc:PaymentID>F-2026-0042</cbc:PaymentID>\n    <cac:CardAccount>"),
			func(inv *einvoice.Invoice) string { return inv.DueDate.String() }, "2026-02-14"},
		{"amount without currency", replace(`2.000</cbc:InvoicedQuantity>
    <cbc:LineExtensionAmount currencyID="EUR">20.00</cbc:LineExtensionAmount>`, `2.000</cbc:InvoicedQuantity>
    <cbc:LineExtensionAmount>20.10</cbc:LineExtensionAmount>`),
			func(inv *einvoice.Invoice) string { return texact(inv.Lines[0].NetAmount) }, "20.10"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc := tdecode(t, c.doc)
			if got := c.check(doc.Invoice); got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
			if len(doc.Ignored) != 0 {
				t.Errorf("Ignored = %v", doc.Ignored)
			}
		})
	}
}

// TestDecodeGroups: optional groups are nil unless an element of theirs
// with content is present.
func TestDecodeGroups(t *testing.T) {
	const doc = `<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
<cbc:ID>M</cbc:ID>
<cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>
<cac:InvoicePeriod><cbc:DescriptionCode>35</cbc:DescriptionCode></cac:InvoicePeriod>
<cac:AccountingSupplierParty><cac:Party><cac:PartyLegalEntity><cbc:RegistrationName>S</cbc:RegistrationName></cac:PartyLegalEntity><cac:Contact><cbc:Name></cbc:Name></cac:Contact></cac:Party></cac:AccountingSupplierParty>
<cac:PayeeParty><cac:PartyName><cbc:Name/></cac:PartyName></cac:PayeeParty>
<cac:TaxRepresentativeParty/>
<cac:Delivery><cac:DeliveryLocation><cac:Address><cbc:CityName></cbc:CityName></cac:Address></cac:DeliveryLocation></cac:Delivery>
<cac:PaymentMeans/>
<cac:LegalMonetaryTotal><cbc:TaxExclusiveAmount currencyID="EUR">1.00</cbc:TaxExclusiveAmount></cac:LegalMonetaryTotal>
<cac:InvoiceLine><cbc:ID>1</cbc:ID><cac:InvoicePeriod/></cac:InvoiceLine>
</Invoice>`
	got := tdecode(t, doc)
	inv := got.Invoice
	if len(got.Ignored) != 0 {
		t.Errorf("Ignored = %v", got.Ignored)
	}
	if inv.Payee != nil || inv.TaxRepresentative != nil || inv.Delivery != nil || inv.InvoicingPeriod != nil ||
		inv.Payment != nil || inv.Seller.Contact != nil || inv.Totals.VAT != nil || inv.Totals.Paid != nil ||
		inv.Totals.Allowances != nil || inv.Lines[0].Period != nil {
		t.Errorf("optional groups set: %+v", inv)
	}
	if texact(inv.Totals.TaxExclusive) != "1.00" || inv.Number != "M" || inv.Seller.Name != "S" || inv.TaxPointDateCode != "35" {
		t.Errorf("got %+v", inv)
	}
}

// TestDecodeTaxTotals: which cac:TaxTotal is BT-110 and which BT-111.
func TestDecodeTaxTotals(t *testing.T) {
	const head = `<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">`
	total := func(cur, amount string, sub bool) string {
		s := `<cac:TaxTotal><cbc:TaxAmount currencyID="` + cur + `">` + amount + `</cbc:TaxAmount>`
		if sub {
			s += `<cac:TaxSubtotal><cbc:TaxAmount currencyID="` + cur + `">` + amount + `</cbc:TaxAmount></cac:TaxSubtotal>`
		}
		return s + `</cac:TaxTotal>`
	}
	show := func(p *decimal.Decimal) string {
		if p == nil {
			return "-"
		}
		return texact(*p)
	}
	for _, c := range []struct {
		name, body string
		want       string // BT-110 BT-111 breakdowns ignored
	}{
		{"one", `<cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>` + total("EUR", "1.00", true), "1.00 - 1 0"},
		{"tax currency first", `<cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode><cbc:TaxCurrencyCode>SEK</cbc:TaxCurrencyCode>` +
			total("SEK", "11.00", false) + total("EUR", "1.00", true), "1.00 11.00 1 0"},
		{"same currencies", `<cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode><cbc:TaxCurrencyCode>EUR</cbc:TaxCurrencyCode>` +
			total("EUR", "2.00", false) + total("EUR", "1.00", true), "1.00 2.00 1 0"},
		{"without breakdown", `<cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode><cbc:TaxCurrencyCode>SEK</cbc:TaxCurrencyCode>` +
			total("SEK", "11.00", false) + total("EUR", "1.00", false), "1.00 11.00 0 0"},
		{"currency last", total("SEK", "11.00", false) + total("EUR", "1.00", true) +
			`<cbc:TaxCurrencyCode>SEK</cbc:TaxCurrencyCode><cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>`, "1.00 11.00 1 0"},
		{"second in the invoice currency", `<cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>` +
			total("EUR", "1.00", true) + total("EUR", "3.00", false), "1.00 - 1 1"},
		{"second breakdown", `<cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>` +
			total("EUR", "1.00", true) + total("EUR", "3.00", true), "1.00 - 1 1"},
		{"no currency", total("EUR", "1.00", true), "1.00 - 1 0"},
	} {
		t.Run(c.name, func(t *testing.T) {
			doc := tdecode(t, head+c.body+"</Invoice>")
			tt := doc.Invoice.Totals
			got := fmt.Sprintf("%s %s %d %d", show(tt.VAT), show(tt.VATInTaxCurrency), len(doc.Invoice.VATBreakdown), len(doc.Ignored))
			if got != c.want {
				t.Errorf("got %s, want %s (Ignored %v)", got, c.want, doc.Ignored)
			}
		})
	}
	// A VAT total in a third currency is a figure the model would misread.
	_, err := Decode(strings.NewReader(head + `<cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode><cbc:TaxCurrencyCode>SEK</cbc:TaxCurrencyCode>` +
		total("EUR", "1.00", true) + total("USD", "1.10", false) + "</Invoice>"))
	var de *einvoice.DecodeError
	if !errors.As(err, &de) || de.Path != "/Invoice/cac:TaxTotal[2]/cbc:TaxAmount" || !slices.Equal(de.Terms, []string{"BT-110", "BT-111"}) ||
		!strings.Contains(de.Msg, "USD") {
		t.Errorf("third currency: got %v", err)
	}
}

// tIgnoredCase is a change to tgInvoice(2) that adds one element the model
// cannot carry.
type tIgnoredCase struct {
	name, old, new string
	path, reason   string // reason: a fragment
}

var tIgnoredCases = []tIgnoredCase{
	{name: "UBL extensions", old: "<cbc:UBLVersionID>",
		new:  `<ext:UBLExtensions xmlns:ext="urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2"><ext:UBLExtension/></ext:UBLExtensions><cbc:UBLVersionID>`,
		path: "/Invoice/ext:UBLExtensions", reason: "not in the EN 16931 model"},
	{name: "UBL version", old: "<cbc:UBLVersionID>2.1</cbc:UBLVersionID>", new: "<cbc:UBLVersionID>2.3</cbc:UBLVersionID>",
		path: "/Invoice/cbc:UBLVersionID", reason: `UBL version "2.3"`},
	{name: "issue time", old: "<cbc:InvoiceTypeCode>", new: "<cbc:IssueTime>10:00:00</cbc:IssueTime><cbc:InvoiceTypeCode>",
		path: "/Invoice/cbc:IssueTime", reason: "not in the EN 16931 model"},
	{name: "second invoice period", old: "<cac:OrderReference>", new: "<cac:InvoicePeriod/><cac:OrderReference>",
		path: "/Invoice/cac:InvoicePeriod[2]", reason: "a second cac:InvoicePeriod"},
	{name: "period description", old: "<cbc:DescriptionCode>3</cbc:DescriptionCode>", new: "<cbc:DescriptionCode>3</cbc:DescriptionCode><cbc:Description>January</cbc:Description>",
		path: "/Invoice/cac:InvoicePeriod/cbc:Description", reason: "not in the EN 16931 model"},
	{name: "second invoice object", old: "<cac:ProjectReference>",
		new:    "<cac:AdditionalDocumentReference><cbc:ID>M2</cbc:ID><cbc:DocumentTypeCode>130</cbc:DocumentTypeCode><cbc:Unknown/></cac:AdditionalDocumentReference><cac:ProjectReference>",
		path:   "/Invoice/cac:AdditionalDocumentReference[3]",
		reason: "a second invoiced object identifier"},
	{name: "description of an invoiced object", old: "<cbc:DocumentTypeCode>130</cbc:DocumentTypeCode>\n  </cac:AdditionalDocumentReference>",
		new:    "<cbc:DocumentTypeCode>130</cbc:DocumentTypeCode><cbc:DocumentDescription>Meter</cbc:DocumentDescription>\n  </cac:AdditionalDocumentReference>",
		path:   "/Invoice/cac:AdditionalDocumentReference[1]/cbc:DocumentDescription",
		reason: "not carried for an invoiced object"},
	{name: "attachment type code", old: "<cbc:ID>ATT-1</cbc:ID>", new: "<cbc:ID>ATT-1</cbc:ID><cbc:DocumentTypeCode>751</cbc:DocumentTypeCode>",
		path: "/Invoice/cac:AdditionalDocumentReference[2]/cbc:DocumentTypeCode", reason: `document type code "751"`},
	{name: "project reference type in an invoice", old: "<cac:ProjectReference>",
		new:    "<cac:AdditionalDocumentReference><cbc:ID>P</cbc:ID><cbc:DocumentTypeCode>50</cbc:DocumentTypeCode></cac:AdditionalDocumentReference><cac:ProjectReference>",
		path:   "/Invoice/cac:AdditionalDocumentReference[3]/cbc:DocumentTypeCode",
		reason: `document type code "50"`},
	{name: "second seller VAT identifier", old: "<cac:PartyLegalEntity>\n        <cbc:RegistrationName>Vendeur SAS",
		new:    "<cac:PartyTaxScheme><cbc:CompanyID>FR99</cbc:CompanyID><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme><cac:PartyLegalEntity>\n        <cbc:RegistrationName>Vendeur SAS",
		path:   "/Invoice/cac:AccountingSupplierParty/cac:Party/cac:PartyTaxScheme[3]",
		reason: "a second tax registration"},
	{name: "buyer tax registration", old: "<cbc:CompanyID>FR11987654321</cbc:CompanyID>\n        <cac:TaxScheme>\n          <cbc:ID>VAT</cbc:ID>",
		new:    "<cbc:CompanyID>FR11987654321</cbc:CompanyID>\n        <cac:TaxScheme>\n          <cbc:ID>FC</cbc:ID>",
		path:   "/Invoice/cac:AccountingCustomerParty/cac:Party/cac:PartyTaxScheme",
		reason: `scheme "FC"`},
	{name: "buyer legal form", old: "<cbc:CompanyID schemeID=\"0002\">987654321</cbc:CompanyID>",
		new:    "<cbc:CompanyID schemeID=\"0002\">987654321</cbc:CompanyID><cbc:CompanyLegalForm>SA</cbc:CompanyLegalForm>",
		path:   "/Invoice/cac:AccountingCustomerParty/cac:Party/cac:PartyLegalEntity/cbc:CompanyLegalForm",
		reason: "not in the EN 16931 model"},
	{name: "second creditor identifier", old: `<cbc:ID schemeID="0009">55555555500011</cbc:ID>`,
		new:    `<cbc:ID schemeID="SEPA">DE98ZZZ09999999999</cbc:ID>`,
		path:   "/Invoice/cac:PayeeParty/cac:PartyIdentification/cbc:ID",
		reason: "a second bank assigned creditor identifier"},
	{name: "payment means of another type", old: "<cac:PaymentTerms>",
		new:    "<cac:PaymentMeans><cbc:PaymentMeansCode>30</cbc:PaymentMeansCode><cbc:Other/></cac:PaymentMeans><cac:PaymentTerms>",
		path:   "/Invoice/cac:PaymentMeans[3]",
		reason: `payment means of type "30"`},
	{name: "second payment means text", old: `<cbc:PaymentMeansCode name="Virement SEPA">58</cbc:PaymentMeansCode>
    <cbc:PaymentID>F-2026-0042</cbc:PaymentID>
    <cac:PayeeFinancialAccount>`,
		new: `<cbc:PaymentMeansCode name="Autre">58</cbc:PaymentMeansCode>
    <cbc:PaymentID>F-2026-0042</cbc:PaymentID>
    <cac:PayeeFinancialAccount>`,
		path:   "/Invoice/cac:PaymentMeans[2]/cbc:PaymentMeansCode",
		reason: "a second payment means text"},
	{name: "second remittance information", old: `<cbc:PaymentID>F-2026-0042</cbc:PaymentID>
    <cac:PayeeFinancialAccount>`,
		new: `<cbc:PaymentID>F-2026-0043</cbc:PaymentID>
    <cac:PayeeFinancialAccount>`,
		path:   "/Invoice/cac:PaymentMeans[2]/cbc:PaymentID",
		reason: "a second remittance information"},
	{name: "card network", old: "<cbc:NetworkID>NA</cbc:NetworkID>", new: "<cbc:NetworkID>VISA</cbc:NetworkID>",
		path: "/Invoice/cac:PaymentMeans[1]/cac:CardAccount/cbc:NetworkID", reason: "card network"},
	{name: "second payment card", old: "<cbc:PaymentID>F-2026-0042</cbc:PaymentID>\n    <cac:PayeeFinancialAccount>\n      <cbc:ID>ACC-2",
		new:    "<cbc:PaymentID>F-2026-0042</cbc:PaymentID><cac:CardAccount><cbc:PrimaryAccountNumberID>9999</cbc:PrimaryAccountNumberID><cbc:NetworkID>NA</cbc:NetworkID></cac:CardAccount>\n    <cac:PayeeFinancialAccount>\n      <cbc:ID>ACC-2",
		path:   "/Invoice/cac:PaymentMeans[2]/cac:CardAccount",
		reason: "a second payment card"},
	{name: "second mandate", old: "<cac:PayeeFinancialAccount>\n      <cbc:ID>ACC-2",
		new:    "<cac:PaymentMandate><cbc:ID>MANDATE-2</cbc:ID></cac:PaymentMandate><cac:PayeeFinancialAccount>\n      <cbc:ID>ACC-2",
		path:   "/Invoice/cac:PaymentMeans[2]/cac:PaymentMandate",
		reason: "a second payment mandate"},
	{name: "payment due date other than the invoice's", old: "<cbc:PaymentID>F-2026-0042</cbc:PaymentID>\n    <cac:CardAccount>",
		new:    "<cbc:PaymentDueDate>2026-03-01</cbc:PaymentDueDate><cbc:PaymentID>F-2026-0042</cbc:PaymentID>\n    <cac:CardAccount>",
		path:   "/Invoice/cac:PaymentMeans[1]/cbc:PaymentDueDate",
		reason: "a payment due date other than the invoice's"},
	{name: "tax scheme other than VAT", old: "<cbc:TaxExemptionReason>Exonération</cbc:TaxExemptionReason>\n        <cac:TaxScheme>\n          <cbc:ID>VAT</cbc:ID>",
		new:    "<cbc:TaxExemptionReason>Exonération</cbc:TaxExemptionReason>\n        <cac:TaxScheme>\n          <cbc:ID>GST</cbc:ID>",
		path:   "/Invoice/cac:TaxTotal[1]/cac:TaxSubtotal[2]/cac:TaxCategory/cac:TaxScheme/cbc:ID",
		reason: `tax scheme "GST"`},
	{name: "line tax total", old: "<cac:Item>\n      <cbc:Description>Description of article 2",
		new:    `<cac:TaxTotal><cbc:TaxAmount currencyID="EUR">4.00</cbc:TaxAmount></cac:TaxTotal><cac:Item>` + "\n      <cbc:Description>Description of article 2",
		path:   "/Invoice/cac:InvoiceLine[2]/cac:TaxTotal",
		reason: "not in the EN 16931 model"},
	{name: "line allowance tax category", old: "<cbc:BaseAmount currencyID=\"EUR\">20.00</cbc:BaseAmount>",
		new:    "<cbc:BaseAmount currencyID=\"EUR\">20.00</cbc:BaseAmount><cac:TaxCategory><cbc:ID>S</cbc:ID></cac:TaxCategory>",
		path:   "/Invoice/cac:InvoiceLine[1]/cac:AllowanceCharge[1]/cac:TaxCategory",
		reason: "not in the EN 16931 model"},
	{name: "line document of another type", old: "<cbc:DocumentTypeCode>130</cbc:DocumentTypeCode>\n    </cac:DocumentReference>",
		new:    "<cbc:DocumentTypeCode>916</cbc:DocumentTypeCode><cbc:Other/>\n    </cac:DocumentReference>",
		path:   "/Invoice/cac:InvoiceLine[1]/cac:DocumentReference",
		reason: `a line document of type "916"`},
	{name: "charge on the price", old: "<cbc:ChargeIndicator>false</cbc:ChargeIndicator>\n        <cbc:Amount currencyID=\"EUR\">0.5000</cbc:Amount>",
		new:    "<cbc:ChargeIndicator>true</cbc:ChargeIndicator><cbc:Extra/>\n        <cbc:Amount currencyID=\"EUR\">0.5000</cbc:Amount>",
		path:   "/Invoice/cac:InvoiceLine[1]/cac:Price/cac:AllowanceCharge",
		reason: "a charge on the price"},
	{name: "item instance in line 2", old: "<cbc:Name>Article 2</cbc:Name>",
		new:    "<cbc:Name>Article 2</cbc:Name><cac:ItemInstance><cbc:SerialID>X</cbc:SerialID></cac:ItemInstance>",
		path:   "/Invoice/cac:InvoiceLine[2]/cac:Item/cac:ItemInstance",
		reason: "not in the EN 16931 model"},
	{name: "second line note", old: "<cbc:Note>Line note 2</cbc:Note>", new: "<cbc:Note>Line note 2</cbc:Note><cbc:Note>More</cbc:Note>",
		path: "/Invoice/cac:InvoiceLine[2]/cbc:Note[2]", reason: "a second cbc:Note"},
	{name: "text in a group", old: "<cac:AccountingSupplierParty>", new: "<cac:AccountingSupplierParty>stray text",
		path: "/Invoice/cac:AccountingSupplierParty", reason: "text content"},
	{name: "element in a leaf", old: "<cbc:Name>Article 2</cbc:Name>", new: "<cbc:Name>Article 2<cbc:Sub/></cbc:Name>",
		path: "/Invoice/cac:InvoiceLine[2]/cac:Item/cbc:Name/cbc:Sub", reason: "not in the EN 16931 model"},
	{name: "element of another namespace", old: "<cbc:BuyerReference>",
		new:  `<x:Extra xmlns:x="urn:example:ext"><x:Inner>1</x:Inner></x:Extra><cbc:BuyerReference>`,
		path: "/Invoice/x:Extra", reason: "not in the EN 16931 model"},
}

// TestDecodeIgnored: each element the model cannot carry is skipped and
// reported, with its path and line, or is an error in strict mode at the
// same place.
func TestDecodeIgnored(t *testing.T) {
	base := string(tgInvoice(2))
	for _, c := range tIgnoredCases {
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
			if doc.Invoice.Number != "F-2026-0042" || len(doc.Invoice.Lines) != 2 || texact(doc.Invoice.Totals.Due) != "48.00" {
				t.Errorf("invoice damaged: %q, %d lines, due %s", doc.Invoice.Number, len(doc.Invoice.Lines), doc.Invoice.Totals.Due)
			}

			_, err = (&Decoder{Strict: true}).Decode(strings.NewReader(src))
			var de *einvoice.DecodeError
			if !errors.As(err, &de) {
				t.Fatalf("strict: got %v, want a *DecodeError", err)
			}
			if de.Path != ig.Path || de.Line != ig.Line || de.Column < 1 || de.Format != "ubl" || !strings.Contains(de.Msg, c.reason) {
				t.Errorf("strict: got %v (line %d), want path %s, line %d", de, de.Line, ig.Path, ig.Line)
			}
		})
	}
}

// TestDecodeIgnoredAll: all the cases at once, reported in document order,
// each on the line where its element starts.
func TestDecodeIgnoredAll(t *testing.T) {
	src := string(tgInvoice(2))
	applied := 0
	for _, c := range tIgnoredCases {
		// A case may have changed what another one changes.
		if strings.Contains(src, c.old) {
			src = strings.Replace(src, c.old, c.new, 1)
			applied++
		}
	}
	if applied < len(tIgnoredCases)-2 {
		t.Fatalf("%d cases applied of %d", applied, len(tIgnoredCases))
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
	if len(doc.Ignored) != applied {
		t.Errorf("%d entries, want %d", len(doc.Ignored), applied)
	}
}

// TestDecodeErrorPath: an element that is one of several of its name shows
// its index, the first too; one alone shows none.
func TestDecodeErrorPath(t *testing.T) {
	const prefix = "/Invoice/cac:InvoiceLine"
	const suffix = "/cac:AllowanceCharge[1]/cbc:Amount"
	const good = `<cbc:Amount currencyID="EUR">1.00</cbc:Amount>`
	for _, c := range []struct {
		lines, bad int
		want       string
	}{
		{1, 1, prefix + suffix},
		{2, 1, prefix + "[1]" + suffix},
		{3, 2, prefix + "[2]" + suffix},
		{3, 3, prefix + "[3]" + suffix},
	} {
		src := string(tgInvoice(c.lines))
		// Break the first allowance amount of line c.bad.
		at := 0
		for i := 0; i < c.bad; i++ {
			at += strings.Index(src[at:], "<cac:InvoiceLine>") + 1
		}
		at += strings.Index(src[at:], good)
		src = src[:at] + `<cbc:Amount currencyID="EUR">1.0.0</cbc:Amount>` + src[at+len(good):]
		_, err := Decode(strings.NewReader(src))
		var de *einvoice.DecodeError
		if !errors.As(err, &de) {
			t.Fatalf("got %v", err)
		}
		wantLine := strings.Count(src[:at], "\n") + 1
		if de.Path != c.want || de.Line != wantLine || de.Column != 7 || !slices.Equal(de.Terms, []string{"BT-136", "BT-141"}) {
			t.Errorf("%d lines, bad %d: got %s (line %d, column %d, terms %v), want %s line %d", c.lines, c.bad, de.Path, de.Line, de.Column, de.Terms, c.want, wantLine)
		}
	}
}

// TestDecodeCurrency: an amount in a currency other than the invoice's is
// an error naming its term, wherever the currency code is.
func TestDecodeCurrency(t *testing.T) {
	base := string(tgInvoice(2))
	for _, c := range []struct {
		name, old, new, path string
		terms                []string
	}{
		{"line", `<cbc:LineExtensionAmount currencyID="EUR">20.00</cbc:LineExtensionAmount>`, `<cbc:LineExtensionAmount currencyID="USD">20.00</cbc:LineExtensionAmount>`,
			"/Invoice/cac:InvoiceLine[1]/cbc:LineExtensionAmount", []string{"BT-131"}},
		{"price", `<cbc:PriceAmount currencyID="EUR">`, `<cbc:PriceAmount currencyID="USD">`,
			"/Invoice/cac:InvoiceLine[1]/cac:Price/cbc:PriceAmount", []string{"BT-146"}},
		{"breakdown", `<cbc:TaxableAmount currencyID="EUR">0.00</cbc:TaxableAmount>`, `<cbc:TaxableAmount currencyID="USD">0.00</cbc:TaxableAmount>`,
			"/Invoice/cac:TaxTotal[1]/cac:TaxSubtotal[2]/cbc:TaxableAmount", []string{"BT-116"}},
		{"VAT total", `<cbc:TaxAmount currencyID="EUR">8.00</cbc:TaxAmount>
    <cac:TaxSubtotal>`, `<cbc:TaxAmount currencyID="GBP">8.00</cbc:TaxAmount>
    <cac:TaxSubtotal>`,
			"/Invoice/cac:TaxTotal[1]/cbc:TaxAmount", []string{"BT-110"}},
		{"currency last", "<cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>", "",
			"/Invoice/cac:AllowanceCharge[1]/cbc:Amount", []string{"BT-92", "BT-99"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			src := strings.Replace(base, c.old, c.new, 1)
			if c.name == "currency last" {
				src = strings.Replace(src, "</Invoice>", "<cbc:DocumentCurrencyCode>CHF</cbc:DocumentCurrencyCode></Invoice>", 1)
			}
			_, err := Decode(strings.NewReader(src))
			var de *einvoice.DecodeError
			if !errors.As(err, &de) || de.Path != c.path || !slices.Equal(de.Terms, c.terms) || !strings.Contains(de.Msg, " in an invoice in ") {
				t.Errorf("got %v (%+v), want an error at %s %v", err, de, c.path, c.terms)
			}
		})
	}
}

// tMalformedCases are the expected results for testdata/malformed.
var tMalformedCases = map[string]struct {
	format bool     // ErrFormat
	ok     bool     // decodes
	line   int      // of the *DecodeError
	path   string   // its path, or its end when it starts with "..."
	terms  []string // its terms
	msg    string   // a fragment of its message
}{
	"amount_comma.xml":    {line: 96, path: "/Invoice/cac:InvoiceLine[2]/cac:Price/cbc:PriceAmount", terms: []string{"BT-146"}, msg: `"12,5"`},
	"amount_exponent.xml": {line: 79, path: "/Invoice/cac:InvoiceLine[2]/cbc:LineExtensionAmount", terms: []string{"BT-131"}, msg: `"1e3"`},
	"amount_huge.xml":     {line: 56, path: "/Invoice/cac:LegalMonetaryTotal/cbc:PayableAmount", terms: []string{"BT-115"}, msg: "bad amount"},
	"base64.xml": {line: 11, path: "/Invoice/cac:AdditionalDocumentReference/cac:Attachment/cbc:EmbeddedDocumentBinaryObject",
		terms: []string{"BT-125"}, msg: "base64"},
	"bom.xml":          {ok: true},
	"cii_document.xml": {format: true},
	"control_char.xml": {line: 86, path: "/Invoice/cac:InvoiceLine[2]/cac:Item/cbc:Name", terms: []string{"BT-153"}, msg: "U+0000"},
	"currency_late.xml": {line: 53, path: "/Invoice/cac:LegalMonetaryTotal/cbc:TaxExclusiveAmount", terms: []string{"BT-109"},
		msg: "amount in GBP in an invoice in EUR"},
	"currency_line.xml": {line: 79, path: "/Invoice/cac:InvoiceLine[2]/cbc:LineExtensionAmount", terms: []string{"BT-131"},
		msg: "amount in USD in an invoice in EUR"},
	"date_format.xml":         {line: 5, path: "/Invoice/cbc:IssueDate", terms: []string{"BT-2"}, msg: `"20260115"`},
	"date_invalid.xml":        {line: 5, path: "/Invoice/cbc:IssueDate", terms: []string{"BT-2"}, msg: `"2026-02-30"`},
	"deep_nesting.xml":        {line: 86, path: "...cac:Nest97/cac:Nest98", msg: "deeper than 100"},
	"duplicate_attribute.xml": {line: 78, path: "/Invoice/cac:InvoiceLine[2]/cbc:InvoicedQuantity", terms: []string{"BT-129", "BT-130"}, msg: "repeated"},
	"empty.xml":               {format: true},
	"indicator.xml": {line: 81, path: "/Invoice/cac:InvoiceLine[2]/cac:AllowanceCharge/cbc:ChargeIndicator",
		terms: []string{"BG-27", "BG-28"}, msg: `"yes"`},
	"invalid_utf8.xml": {line: 86, path: "/Invoice/cac:InvoiceLine[2]/cac:Item/cbc:Name", terms: []string{"BT-153"}, msg: "UTF-8"},
	"json.xml":         {format: true},
	"latin1.xml":       {ok: true},
	"mismatched_tag.xml": {line: 86, path: "/Invoice/cac:InvoiceLine[2]/cac:Item/cbc:Name", terms: []string{"BT-153"},
		msg: "closed by </cbc:Nam>"},
	"missing_indicator.xml": {line: 80, path: "/Invoice/cac:InvoiceLine[2]/cac:AllowanceCharge", terms: []string{"BG-27", "BG-28"},
		msg: "without cbc:ChargeIndicator"},
	"not_xml.xml":            {format: true},
	"quantity_text.xml":      {line: 78, path: "/Invoice/cac:InvoiceLine[2]/cbc:InvoicedQuantity", terms: []string{"BT-129", "BT-130"}, msg: `"two"`},
	"tax_total_currency.xml": {line: 39, path: "/Invoice/cac:TaxTotal/cbc:TaxAmount", terms: []string{"BT-110"}, msg: "VAT total in USD"},
	"text_after_root.xml":    {line: 100, msg: "after the root element"},
	"truncated.xml": {line: 78, path: "/Invoice/cac:InvoiceLine[2]/cbc:InvoicedQuantity", terms: []string{"BT-129", "BT-130"},
		msg: "end of input"},
	"undeclared_prefix.xml": {line: 63, path: "/Invoice/cac:InvoiceLine/cac:Item/foo:Name", msg: "undeclared namespace prefix foo"},
	"undefined_entity.xml":  {line: 86, path: "/Invoice/cac:InvoiceLine[2]/cac:Item/cbc:Name", terms: []string{"BT-153"}, msg: "&nbsp;"},
	"utf16.xml":             {line: 1, msg: "UTF-16"},
	"wrong_namespace.xml":   {format: true},
	"wrong_root.xml":        {format: true},
}

func TestDecodeMalformed(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "malformed", "*.xml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no test files: %v", err)
	}
	if len(files) != len(tMalformedCases) {
		t.Errorf("%d files, %d expectations", len(files), len(tMalformedCases))
	}
	for _, file := range files {
		name := filepath.Base(file)
		t.Run(name, func(t *testing.T) {
			want, ok := tMalformedCases[name]
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
				if len(doc.Invoice.Lines) != 2 || doc.Invoice.Number != "M-1" || len(doc.Ignored) != 0 {
					t.Errorf("got %+v, Ignored %v", doc.Invoice, doc.Ignored)
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
				if de.Format != "ubl" || de.Line != want.line || de.Column < 1 || !strings.Contains(de.Msg, want.msg) {
					t.Errorf("got %v (line %d, column %d), want line %d, message with %q", de, de.Line, de.Column, want.line, want.msg)
				}
				if p, ok := strings.CutPrefix(want.path, "..."); ok && !strings.HasSuffix(de.Path, p) || !ok && de.Path != want.path {
					t.Errorf("path %s, want %s", de.Path, want.path)
				}
				if want.terms != nil && !slices.Equal(de.Terms, want.terms) {
					t.Errorf("terms %v, want %v", de.Terms, want.terms)
				}
				if !strings.HasPrefix(de.Error(), "einvoice: ubl: line ") {
					t.Errorf("Error() = %q", de.Error())
				}
			}
		})
	}
}

// TestDecodeReadError: an error of the reader is returned, wrapped.
func TestDecodeReadError(t *testing.T) {
	boom := errors.New("boom")
	_, err := Decode(&tFailingReader{data: tgInvoice(1), err: boom})
	if !errors.Is(err, boom) {
		t.Fatalf("got %v, want the reader's error", err)
	}
}

type tFailingReader struct {
	data []byte
	err  error
}

func (r *tFailingReader) Read(p []byte) (int, error) {
	if len(r.data) == 0 {
		return 0, r.err
	}
	n := copy(p, r.data[:min(len(r.data), 100)])
	r.data = r.data[n:]
	return n, nil
}

// tExampleWant are values read by hand from each official example: the
// number (BT-1), the currency (BT-5), the root, the lines, the net amount
// of the last line (BT-131), the total with VAT (BT-112), the amount due
// (BT-115) and the VAT total (BT-110).
var tExampleWant = map[string]struct {
	number, currency string
	credit           bool
	lines            int
	lastLineNet      string
	grand, due, vat  string
	ignored          int
}{
	"BIS3_Invoice_negativ.XML":  {"12345", "DKK", false, 1, "-625743.54", "-782179.43", "-782179.43", "-156435.89", 0},
	"BIS3_Invoice_positive.XML": {"12345", "DKK", false, 1, "625743.54", "782179.43", "782179.43", "156435.89", 0},
	"guide-example1.xml":        {"12115118", "EUR", false, 20, "-109.98", "250.33", "250.33", "20.73", 0},
	"guide-example2.xml":        {"TOSL108", "NOK", false, 5, "187.50", "1801.78", "801.78", "365.28", 0},
	"guide-example3.xml":        {"TOSL108", "DKK", false, 2, "400.00", "1125.00", "1125.00", "225.00", 0},
	"issue116.xml":              {"2018210", "SEK", false, 4, "400", "830", "830", "130", 0},
	"sample-discount-price.xml": {"test decimal 1", "EUR", false, 1, "12.12", "15.15", "15.15", "3.03", 0},
	"ubl-tc434-creditnote1.xml": {"018304 / 28865", "EUR", true, 1, "100.11", "100.11", "100.11", "0.00", 0},
	"ubl-tc434-example1.xml":    {"12115118", "EUR", false, 20, "-109.98", "250.33", "250.33", "20.73", 0},
	"ubl-tc434-example10.xml":   {"12115118", "EUR", false, 20, "-109.98", "250.33", "250.33", "20.73", 0},
	"ubl-tc434-example2.xml":    {"TOSL108", "NOK", false, 5, "187.50", "1801.78", "801.78", "365.28", 0},
	"ubl-tc434-example3.xml":    {"TOSL108", "DKK", false, 2, "800.00", "2005.00", "2005.00", "305.00", 0},
	"ubl-tc434-example4.xml":    {"TOSL110", "DKK", false, 3, "2500.00", "4675.00", "4675.00", "675.00", 0},
	"ubl-tc434-example5.xml":    {"TOSL110", "DKK", false, 3, "2500.00", "4675.00", "2337.50", "675.00", 0},
	"ubl-tc434-example6.xml":    {"TOSL110", "DKK", false, 3, "2500.00", "4675.00", "4675.00", "675.00", 0},
	"ubl-tc434-example7.xml":    {"INVOICE_test_7", "SEK", false, 2, "700.00", "3200.00", "3200.00", "0.00", 0},
	"ubl-tc434-example8.xml":    {"1100512149", "EUR", false, 10, "64.46", "1099.78", "1099.78", "190.87", 0},
	"ubl-tc434-example9.xml":    {"20150483", "EUR", false, 1, "147.00", "177.87", "177.87", "30.87", 0},
}

// tExampleFiles returns the official UBL examples (not the test files).
func tExampleFiles(t testing.TB) []string {
	dir := conformance.Need(t, "examples/ubl")
	files, _ := filepath.Glob(filepath.Join(dir, "examples", "ubl", "*.xml"))
	more, _ := filepath.Glob(filepath.Join(dir, "examples", "ubl", "*.XML"))
	files = append(files, more...)
	if len(files) == 0 {
		t.Fatalf("no examples in %s", dir)
	}
	return files
}

func tDecodeFile(t testing.TB, file string) (*Document, error) {
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
	files := tExampleFiles(t)
	if len(files) != len(tExampleWant) {
		t.Errorf("%d examples, %d expectations", len(files), len(tExampleWant))
	}
	for _, file := range files {
		name := filepath.Base(file)
		t.Run(name, func(t *testing.T) {
			doc, err := tDecodeFile(t, file)
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			inv := doc.Invoice
			for _, ig := range doc.Ignored {
				t.Logf("ignored: %s", ig)
			}
			want, ok := tExampleWant[name]
			if !ok {
				t.Fatalf("no expectation for %s", name)
			}
			lastNet := ""
			if n := len(inv.Lines); n > 0 {
				lastNet = texact(inv.Lines[n-1].NetAmount)
			}
			vat := ""
			if inv.Totals.VAT != nil {
				vat = texact(*inv.Totals.VAT)
			}
			if inv.Number != want.number || string(inv.Currency) != want.currency || doc.CreditNote != want.credit ||
				len(inv.Lines) != want.lines || lastNet != want.lastLineNet || vat != want.vat ||
				texact(inv.Totals.TaxInclusive) != want.grand || texact(inv.Totals.Due) != want.due {
				t.Errorf("got number %q, currency %s, credit note %v, %d lines, last line net %s, grand total %s, due %s, VAT %s\nwant %+v",
					inv.Number, inv.Currency, doc.CreditNote, len(inv.Lines), lastNet, texact(inv.Totals.TaxInclusive), texact(inv.Totals.Due), vat, want)
			}
			if len(doc.Ignored) != want.ignored {
				t.Errorf("%d entries in Ignored, want %d", len(doc.Ignored), want.ignored)
			}
		})
	}
}

// TestDecodeExampleDetails checks more terms of a few examples, read by
// hand from the XML.
func TestDecodeExampleDetails(t *testing.T) {
	dir := conformance.Need(t, "examples/ubl")
	load := func(name string) *Document {
		doc, err := tDecodeFile(t, filepath.Join(dir, "examples", "ubl", name))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return doc
	}

	inv := load("ubl-tc434-example5.xml").Invoice
	pdf, _ := base64.StdEncoding.DecodeString("VGVzdGluZyBCYXNlNjQgZW5jb2Rpbmc=")
	want5 := struct {
		payee       einvoice.Payee
		payment     einvoice.PaymentInstructions
		attachments []einvoice.Attachment
		preceding   []einvoice.PrecedingInvoice
		seller      einvoice.Seller
		notes       []einvoice.Note
	}{
		payee: einvoice.Payee{Name: "Dagobert Duck", Identifier: einvoice.ID{Value: "DK16356608"}, LegalRegistration: einvoice.ID{Value: "DK16356608"}},
		payment: einvoice.PaymentInstructions{MeansCode: "49", RemittanceInfo: "Payref1",
			DirectDebit: &einvoice.DirectDebit{MandateID: "123456", DebitedAccountID: "DK1212341234123412"}},
		attachments: []einvoice.Attachment{{ID: "OBJ999", Description: "ATS"},
			{ID: "sales slip", Description: "your sales slip", MIMECode: "application/pdf", Filename: "EHF.pdf", Content: pdf}},
		preceding: []einvoice.PrecedingInvoice{{Number: "TOSL109", IssueDate: tday(2013, 3, 10)}},
		notes:     []einvoice.Note{{Text: "Ordered through our website#Ordering information"}},
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
	if d := modeltest.Diff(want5.notes, inv.Notes); d != nil {
		t.Errorf("example5 notes: %v", d)
	}
	if inv.TaxCurrency != "EUR" || texact(*inv.Totals.VAT) != "675.00" || texact(*inv.Totals.VATInTaxCurrency) != "628.62" ||
		*inv.InvoicingPeriod != (einvoice.Period{Start: tday(2013, 3, 10), End: tday(2013, 4, 10)}) ||
		inv.DueDate != tday(2013, 5, 10) || inv.ProjectReference != "Project345" || inv.TenderOrLotReference != "Lot567" ||
		inv.PurchaseOrderReference != "PO4711" || inv.SalesOrderReference != "123" || inv.Process.BusinessProcess != "1" ||
		inv.Seller.VATID != "NL16356706" || inv.Seller.TaxRegistration != "NL16356706" || inv.Seller.TradingName != "SelCo" ||
		inv.Seller.ElectronicAddress != (einvoice.ElectronicAddress{Value: "info@selco.nl", Scheme: "EM"}) ||
		!slices.Equal(inv.Seller.Identifiers, []einvoice.ID{{Value: "5790000436101", Scheme: "0088"}}) ||
		inv.TaxRepresentative == nil || inv.TaxRepresentative.VATID != "DK16356609" || inv.TaxRepresentative.Address.Subdivision != "Jutland" ||
		inv.Delivery == nil || inv.Delivery.PartyName != "Logistic service Ltd" || inv.Delivery.LocationID.Value != "5790000436068" ||
		len(inv.VATBreakdown) != 2 || texact(inv.VATBreakdown[1].TaxAmount) != "300.00" || texact(*inv.VATBreakdown[1].Rate) != "12" ||
		len(inv.Allowances) != 1 || len(inv.Charges) != 1 || texact(inv.Charges[0].Amount) != "150.00" || inv.Charges[0].ReasonCode != "ABL" ||
		texact(*inv.Charges[0].Percentage) != "10" || texact(*inv.Totals.Paid) != "2337.50" {
		t.Errorf("example5: got %+v", inv)
	}
	l := inv.Lines[0]
	if l.Note != "first line" || texact(l.Quantity) != "1000" || l.Unit != "EA" || texact(l.NetAmount) != "1000.00" ||
		l.BuyerAccountingReference != "ACC7654" || l.OrderLineReference != "1" || l.Object.Value != "Object2" ||
		len(l.Allowances) != 1 || texact(l.Allowances[0].Amount) != "100.00" || l.Allowances[0].ReasonCode != "100" {
		t.Errorf("example5 line 1: got %+v", l)
	}

	doc := load("ubl-tc434-creditnote1.xml")
	inv = doc.Invoice
	if !doc.CreditNote || inv.TypeCode != "381" || inv.Lines[0].Unit != "C62" || texact(inv.Lines[0].Quantity) != "1.00" ||
		inv.Payment == nil || inv.Payment.MeansCode != "1" || inv.Payment.RemittanceInfo != "010676609538" ||
		!slices.Equal(inv.Payment.CreditTransfers, []einvoice.CreditTransfer{{AccountID: "BE91000000143476", ProviderID: "BPOTBEB1"}}) ||
		inv.VATBreakdown[0].Category != "E" || inv.VATBreakdown[0].ExemptionReason != "Taxes are not applicable" ||
		inv.Seller.Contact == nil || inv.Seller.Contact.Email != "john.doole@mysuppliercompany.be" {
		t.Errorf("creditnote1: got %+v", inv)
	}

	inv = load("ubl-tc434-example10.xml").Invoice
	if inv.TaxCurrency != "SEK" || texact(*inv.Totals.VATInTaxCurrency) != "2000.73" || texact(*inv.Totals.VAT) != "20.73" {
		t.Errorf("example10: tax currency %s, VAT %v / %v", inv.TaxCurrency, inv.Totals.VAT, inv.Totals.VATInTaxCurrency)
	}
}

// TestDecodeTestfiles decodes the other UBL files of the conformance
// directory: they never make the decoder panic; errors are fine.
func TestDecodeTestfiles(t *testing.T) {
	dir := conformance.Need(t, "examples/ubl/testfiles")
	files, _ := filepath.Glob(filepath.Join(dir, "examples", "ubl", "testfiles", "*"))
	if len(files) == 0 {
		t.Fatal("no test files")
	}
	for _, file := range files {
		doc, err := tDecodeFile(t, file)
		if err != nil {
			t.Logf("%s: %v", filepath.Base(file), err)
			continue
		}
		t.Logf("%s: %d lines, %d ignored", filepath.Base(file), len(doc.Invoice.Lines), len(doc.Ignored))
		for _, ig := range doc.Ignored {
			t.Logf("  %s", ig)
		}
	}
}

// TestDecodeEncodeRoundTrip: what Decode reads from the official examples
// and the generated documents, Encode writes and Decode reads again the
// same.
func TestDecodeEncodeRoundTrip(t *testing.T) {
	check := func(name string, data []byte) {
		doc, err := Decode(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var buf bytes.Buffer
		if err := Encode(&buf, doc.Invoice); err != nil {
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
		if back.CreditNote != doc.CreditNote {
			t.Errorf("%s: CreditNote %v, then %v", name, doc.CreditNote, back.CreditNote)
		}
		if d := modeltest.Diff(doc.Invoice, back.Invoice); d != nil {
			t.Errorf("%s: the invoice changed:\n%s", name, strings.Join(d, "\n"))
		}
	}
	check("generated", tgInvoice(3))
	check("generated credit note", []byte(tgCreditNote(3)))
	for _, file := range tExampleFiles(t) {
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
		data := tgBenchInvoice(n)
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
	const open = `<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">`
	const end = `<cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode></Invoice>`
	shapes := map[string]func(n int) string{
		"unknown names": func(n int) string {
			var b strings.Builder
			for i := 0; i < n; i++ {
				fmt.Fprintf(&b, "<cac:X%d/>", i)
			}
			return open + b.String() + end
		},
		"same unknown name": func(n int) string { return open + strings.Repeat("<cac:X><cbc:Y/></cac:X>", n) + end },
		"repeated single element": func(n int) string {
			return open + strings.Repeat("<cbc:BuyerReference>x<cbc:Y/></cbc:BuyerReference>", n) + end
		},
		"attributes": func(n int) string {
			var b strings.Builder
			for i := 0; i < n; i++ {
				fmt.Fprintf(&b, ` a%d="1"`, i)
			}
			return open + "<cac:X" + b.String() + "/>" + end
		},
		"namespace declarations": func(n int) string {
			var b strings.Builder
			for i := 0; i < n; i++ {
				fmt.Fprintf(&b, ` xmlns:p%d="urn:x"`, i)
			}
			return open + "<cac:X" + b.String() + ">" + strings.Repeat("<p1:Y/>", n) + "</cac:X>" + end
		},
		"lines": func(n int) string {
			return open + strings.Repeat("<cac:InvoiceLine><cbc:Foo/></cac:InvoiceLine>", n) + end
		},
		"amounts before the currency": func(n int) string {
			return open + "<cac:LegalMonetaryTotal>" + strings.Repeat(`<cbc:PayableAmount currencyID="EUR">1.00</cbc:PayableAmount>`, n) + "</cac:LegalMonetaryTotal>" + end
		},
		"tax totals": func(n int) string {
			return open + strings.Repeat(`<cac:TaxTotal><cbc:TaxAmount currencyID="EUR">1.00</cbc:TaxAmount></cac:TaxTotal>`, n) + end
		},
		"payment means": func(n int) string {
			return open + strings.Repeat(`<cac:PaymentMeans><cbc:PaymentMeansCode>58</cbc:PaymentMeansCode><cac:PayeeFinancialAccount><cbc:ID>A</cbc:ID></cac:PayeeFinancialAccount></cac:PaymentMeans>`, n) + end
		},
		"nested ignored": func(n int) string {
			return open + strings.Repeat("<cac:A>"+strings.Repeat("<cac:B>", 90)+strings.Repeat("</cac:B>", 90)+"</cac:A>", n/100) + end
		},
	}
	for name, shape := range shapes {
		t.Run(name, func(t *testing.T) {
			cost := func(n int) time.Duration {
				data := []byte(shape(n))
				// The best of a few runs: the machine may be busy.
				best := time.Duration(1 << 62)
				for i := 0; i < 5; i++ {
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
	data := tgBenchInvoice(lines)
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

// BenchmarkDecodeSyntaxRules: decoding with the UBL syntax binding rules.
func BenchmarkDecodeSyntaxRules10(b *testing.B)   { benchmarkDecodeSyntax(b, 10) }
func BenchmarkDecodeSyntaxRules1000(b *testing.B) { benchmarkDecodeSyntax(b, 1000) }

func benchmarkDecodeSyntax(b *testing.B, lines int) {
	data := tgBenchInvoice(lines)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		doc, err := (&Decoder{SyntaxRules: true}).Decode(bytes.NewReader(data))
		if err != nil {
			b.Fatal(err)
		}
		for _, is := range doc.Issues {
			if is.Fatal {
				b.Fatalf("a fatal issue on a valid invoice: %v", is)
			}
		}
	}
}
