package facturx

import "errors"

// Extracted is the invoice found in a Factur-X or ZUGFeRD PDF.
type Extracted struct {
	// XML is the attachment's content, decompressed.
	XML []byte
	// Name is the attachment's file name as found: factur-x.xml,
	// zugferd-invoice.xml, ZUGFeRD-invoice.xml or xrechnung.xml.
	Name string
	// Relationship is the attachment's /AFRelationship, "" when missing.
	Relationship Relationship
	// ConformanceLevel, Version and DocumentType are the XMP metadata's
	// fx:ConformanceLevel ("EN 16931"), fx:Version ("1.0") and
	// fx:DocumentType ("INVOICE"); "" when missing.
	ConformanceLevel, Version, DocumentType string
}

// Extract returns the invoice XML embedded in the PDF pdf.
func Extract(pdf []byte) (*Extracted, error) {
	return nil, errors.New("facturx: not implemented yet")
}
