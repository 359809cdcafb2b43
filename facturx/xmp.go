package facturx

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// pdfProducer is the Info /Producer and pdf:Producer of every file the package
// writes.
const pdfProducer = "einvoice (github.com/einvoice-go/einvoice)"

// The Factur-X XMP schema (Factur-X 1.0, ZUGFeRD 2.1 and later).
const (
	fxNamespaceURI = "urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#"
	fxXMLName      = "factur-x.xml"
	fxVersionText  = "1.0"
)

// pdfaMeta is what the document information dictionary and the XMP
// metadata both say, so that they say the same.
type pdfaMeta struct {
	// Title, Author, Subject, Keywords and Creator are sanitized texts
	// (see metaText); "" leaves the entry out.
	Title, Author, Subject, Keywords, Creator string
	// Time is the creation and modification time, to the second.
	Time time.Time
	// DocumentID and InstanceID are the two halves of the trailer /ID.
	DocumentID, InstanceID [16]byte
	// Level is fx:ConformanceLevel ("EN 16931"), "" for no Factur-X
	// schema (a PDF/A-3B without invoice).
	Level string
}

// metaText makes s fit for both a PDF text string and XMP: valid UTF-8,
// only characters XML allows, line breaks as LF, no surrounding spaces.
func metaText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n':
			return r
		case r < 0x20 || r == 0x7f || r == 0xFFFE || r == 0xFFFF || r >= 0xD800 && r <= 0xDFFF:
			return -1
		}
		return r
	}, s)
	return strings.TrimSpace(s)
}

// pdfDateText formats t as a PDF date: D:YYYYMMDDHHmmSSOHH'mm'.
func pdfDateText(t time.Time) string {
	s := "D:" + t.Format("20060102150405")
	_, off := t.Zone()
	if off == 0 {
		return s + "Z"
	}
	sign := byte('+')
	if off < 0 {
		sign, off = '-', -off
	}
	return fmt.Sprintf("%s%c%02d'%02d'", s, sign, off/3600, off%3600/60)
}

// xmpDateText formats t as an XMP date (ISO 8601 with the offset).
func xmpDateText(t time.Time) string { return t.Format("2006-01-02T15:04:05Z07:00") }

// xmpUUID formats id as a UUID URN for xmpMM.
func xmpUUID(id [16]byte) string {
	return fmt.Sprintf("uuid:%x-%x-%x-%x-%x", id[0:4], id[4:6], id[6:8], id[8:10], id[10:16])
}

// xmpEscapeText escapes s for XML character data and attribute values.
func xmpEscapeText(b *strings.Builder, s string) {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&quot;")
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
}

// xmpPaddingText is the white space left in the packet for editors that
// update it in place, as XMP recommends.
var xmpPaddingText = strings.Repeat(strings.Repeat(" ", 99)+"\n", 20)

// xmp returns the XMP packet of m: PDF/A-3B identification, Dublin Core,
// PDF and XMP basic properties matching the document information, and,
// when m.Level is set, the Factur-X extension schema and properties.
func (m *pdfaMeta) xmp() []byte {
	var b strings.Builder
	b.Grow(6000)
	b.WriteString("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
	b.WriteString("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n")
	b.WriteString(" <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n")

	b.WriteString("  <rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n")
	b.WriteString("   <pdfaid:part>3</pdfaid:part>\n   <pdfaid:conformance>B</pdfaid:conformance>\n")
	b.WriteString("  </rdf:Description>\n")

	b.WriteString("  <rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n")
	b.WriteString("   <dc:format>application/pdf</dc:format>\n")
	langAlt := func(prop, v string) {
		if v == "" {
			return
		}
		fmt.Fprintf(&b, "   <dc:%s><rdf:Alt><rdf:li xml:lang=\"x-default\">", prop)
		xmpEscapeText(&b, v)
		fmt.Fprintf(&b, "</rdf:li></rdf:Alt></dc:%s>\n", prop)
	}
	langAlt("title", m.Title)
	if m.Author != "" {
		b.WriteString("   <dc:creator><rdf:Seq><rdf:li>")
		xmpEscapeText(&b, m.Author)
		b.WriteString("</rdf:li></rdf:Seq></dc:creator>\n")
	}
	langAlt("description", m.Subject)
	b.WriteString("  </rdf:Description>\n")

	simple := func(prefix, prop, v string) {
		if v == "" {
			return
		}
		fmt.Fprintf(&b, "   <%s:%s>", prefix, prop)
		xmpEscapeText(&b, v)
		fmt.Fprintf(&b, "</%s:%s>\n", prefix, prop)
	}
	b.WriteString("  <rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n")
	simple("pdf", "Producer", pdfProducer)
	simple("pdf", "Keywords", m.Keywords)
	b.WriteString("  </rdf:Description>\n")

	date := xmpDateText(m.Time)
	b.WriteString("  <rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n")
	simple("xmp", "CreatorTool", m.Creator)
	simple("xmp", "CreateDate", date)
	simple("xmp", "ModifyDate", date)
	simple("xmp", "MetadataDate", date)
	b.WriteString("  </rdf:Description>\n")

	b.WriteString("  <rdf:Description rdf:about=\"\" xmlns:xmpMM=\"http://ns.adobe.com/xap/1.0/mm/\">\n")
	simple("xmpMM", "DocumentID", xmpUUID(m.DocumentID))
	simple("xmpMM", "InstanceID", xmpUUID(m.InstanceID))
	b.WriteString("  </rdf:Description>\n")

	if m.Level != "" {
		b.WriteString(fxExtensionSchemaXMP)
		b.WriteString("  <rdf:Description rdf:about=\"\" xmlns:fx=\"" + fxNamespaceURI + "\">\n")
		simple("fx", "DocumentType", "INVOICE")
		simple("fx", "DocumentFileName", fxXMLName)
		simple("fx", "Version", fxVersionText)
		simple("fx", "ConformanceLevel", m.Level)
		b.WriteString("  </rdf:Description>\n")
	}

	b.WriteString(" </rdf:RDF>\n</x:xmpmeta>\n")
	b.WriteString(xmpPaddingText)
	b.WriteString("<?xpacket end=\"w\"?>")
	return []byte(b.String())
}

// fxExtensionSchemaXMP describes the fx properties to PDF/A (ISO 19005-3,
// 6.6.2.3.3), as the Factur-X specification gives it.
const fxExtensionSchemaXMP = `  <rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
   <pdfaExtension:schemas>
    <rdf:Bag>
     <rdf:li rdf:parseType="Resource">
      <pdfaSchema:schema>Factur-X PDFA Extension Schema</pdfaSchema:schema>
      <pdfaSchema:namespaceURI>` + fxNamespaceURI + `</pdfaSchema:namespaceURI>
      <pdfaSchema:prefix>fx</pdfaSchema:prefix>
      <pdfaSchema:property>
       <rdf:Seq>
        <rdf:li rdf:parseType="Resource">
         <pdfaProperty:name>DocumentFileName</pdfaProperty:name>
         <pdfaProperty:valueType>Text</pdfaProperty:valueType>
         <pdfaProperty:category>external</pdfaProperty:category>
         <pdfaProperty:description>The name of the embedded XML document</pdfaProperty:description>
        </rdf:li>
        <rdf:li rdf:parseType="Resource">
         <pdfaProperty:name>DocumentType</pdfaProperty:name>
         <pdfaProperty:valueType>Text</pdfaProperty:valueType>
         <pdfaProperty:category>external</pdfaProperty:category>
         <pdfaProperty:description>The type of the hybrid document in capital letters, e.g. INVOICE or ORDER</pdfaProperty:description>
        </rdf:li>
        <rdf:li rdf:parseType="Resource">
         <pdfaProperty:name>Version</pdfaProperty:name>
         <pdfaProperty:valueType>Text</pdfaProperty:valueType>
         <pdfaProperty:category>external</pdfaProperty:category>
         <pdfaProperty:description>The actual version of the standard applying to the embedded XML document</pdfaProperty:description>
        </rdf:li>
        <rdf:li rdf:parseType="Resource">
         <pdfaProperty:name>ConformanceLevel</pdfaProperty:name>
         <pdfaProperty:valueType>Text</pdfaProperty:valueType>
         <pdfaProperty:category>external</pdfaProperty:category>
         <pdfaProperty:description>The conformance level of the embedded XML document</pdfaProperty:description>
        </rdf:li>
       </rdf:Seq>
      </pdfaSchema:property>
     </rdf:li>
    </rdf:Bag>
   </pdfaExtension:schemas>
  </rdf:Description>
`
