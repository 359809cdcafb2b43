package facturx

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/einvoice-go/einvoice/internal/pdfscan"
)

// Extracted is the invoice found in a Factur-X or ZUGFeRD PDF.
type Extracted struct {
	// XML is the attachment's content, decompressed.
	XML []byte
	// Name is the attachment's file name as found, its case kept and any
	// path removed: factur-x.xml, zugferd-invoice.xml, ZUGFeRD-invoice.xml
	// or xrechnung.xml.
	Name string
	// Relationship is the attachment's /AFRelationship, "" when missing.
	Relationship Relationship
	// ConformanceLevel, Version and DocumentType are the XMP metadata's
	// fx:ConformanceLevel ("EN 16931"), fx:Version ("1.0") and
	// fx:DocumentType ("INVOICE"); "" when missing.
	ConformanceLevel, Version, DocumentType string
}

// Limits of Extract on hostile input.
const (
	// extractMaxDecoded bounds all the bytes one Extract decompresses.
	extractMaxDecoded = 64 << 20
	// extractMaxXML bounds the invoice XML.
	extractMaxXML = 32 << 20
	// extractMaxXMP bounds the XMP metadata.
	extractMaxXMP = 4 << 20
	// nameTreeMaxNodes bounds the nodes of the EmbeddedFiles name tree
	// that Extract visits, and nameTreeMaxDepth its depth.
	nameTreeMaxNodes = 1 << 16
	nameTreeMaxDepth = 32
)

// invoiceNames are the attachment names of an invoice, by preference:
// Factur-X 1.0 and ZUGFeRD 2.1+, ZUGFeRD 2.0 (ZUGFeRD-invoice.xml in 1.0),
// XRechnung in ZUGFeRD 2.2+.
var invoiceNames = [...]string{"factur-x.xml", "zugferd-invoice.xml", "xrechnung.xml"}

// Extract returns the invoice XML embedded in the PDF pdf, with its
// attachment name, its /AFRelationship and the Factur-X properties of the
// document's XMP metadata.
//
// The invoice is the attachment named factur-x.xml, zugferd-invoice.xml
// (in any case, so ZUGFeRD 1.0's ZUGFeRD-invoice.xml too) or xrechnung.xml,
// by its /UF, its /F or its name-tree key. factur-x.xml is preferred when
// there are several, then an associated file (in the catalog's /AF). The
// attachment is looked for in the EmbeddedFiles name tree and /AF, and when
// neither has it, in every file specification of the file (attachment
// annotations).
//
// Extract is lenient, as PDF viewers are: it reads files with broken or
// missing cross-reference tables and offsets (it rebuilds the object index
// by scanning), wrong stream lengths, incremental updates (the newest
// version of an object wins), cross-reference and object streams, name
// trees with /Kids, and attachments missing from /AF or from the name tree.
// The XML comes out as stored, byte for byte. XMP metadata that cannot be
// read leaves the fx fields empty and is not an error.
//
// Input without "%PDF-" in its first kilobyte is an error wrapping
// ErrNotPDF; a PDF without an invoice attachment is one wrapping
// ErrNoInvoice, whose message lists the attachments found instead.
// Encrypted PDFs are refused (Extract does not decrypt). A damaged stream
// or an unsupported filter is an error naming the PDF object; Extract does
// not then fall back on another attachment. Extract bounds its work on
// hostile input: it decompresses at most 64 MiB in all and 32 MiB of XML,
// and its cost is linear in the size of the file.
//
// Extract does not check that the file is PDF/A-3 nor that the XML is a
// valid invoice: decode it with cii.Decode and validate the result.
func Extract(pdf []byte) (x *Extracted, err error) {
	// Last resort: a bug in the reader must not crash the caller. The
	// reader bounds-checks everything; this turns a mistake into an error.
	defer func() {
		if p := recover(); p != nil {
			x, err = nil, fmt.Errorf("facturx: internal error while reading the PDF: %v", p)
		}
	}()
	r, err := pdfscan.Open(pdf, &pdfscan.Options{MaxDecoded: extractMaxDecoded})
	if err != nil {
		return nil, fmt.Errorf("%w: no %%PDF- header in the first 1024 bytes", ErrNotPDF)
	}
	if r.Encrypted() {
		return nil, errors.New("facturx: the PDF is encrypted (trailer /Encrypt); decryption is not supported")
	}
	f := finder{r: r, seen: map[int]bool{}, inAF: map[int]bool{}}
	catalog := r.Catalog()
	if catalog != nil {
		af := r.Array(catalog.Get("AF"))
		for _, v := range af {
			if ref, ok := v.(pdfscan.Ref); ok {
				f.inAF[ref.Num] = true
			}
		}
		if names := r.Dict(catalog.Get("Names")); names != nil {
			f.nameTree(names.Get("EmbeddedFiles"), 0)
		}
		for _, v := range af {
			f.add(v, "")
		}
	}
	if len(f.cands) == 0 {
		// No invoice where it belongs: any file specification will do
		// (an attachment annotation, a catalog that cannot be found).
		f.scanAll()
	}
	// The best name first; among equals, an associated file (in /AF)
	// first, then the order found.
	slices.SortStableFunc(f.cands, func(a, b *candidate) int {
		if a.rank != b.rank {
			return a.rank - b.rank
		}
		return boolInt(b.inAF) - boolInt(a.inAF)
	})
	var firstErr error
	for _, c := range f.cands {
		x, err := f.extract(c)
		var de *decodeError
		if errors.As(err, &de) {
			return nil, de.err // a damaged invoice is not replaced by another
		}
		if err != nil {
			// No embedded file where the name says: try the next one.
			if firstErr == nil {
				firstErr = err
			}
			continue
		}
		if catalog != nil {
			x.ConformanceLevel, x.Version, x.DocumentType = f.metadata(catalog.Get("Metadata"))
		}
		return x, nil
	}
	if firstErr != nil {
		return nil, firstErr
	}
	return nil, f.noInvoice(catalog == nil)
}

// candidate is a file specification whose name is an invoice name.
type candidate struct {
	fs   pdfscan.Dict
	num  int // object number of the file specification, 0 if direct
	name string
	rank int
	inAF bool // listed in the catalog's /AF
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// finder collects the candidates.
type finder struct {
	r      *pdfscan.Reader
	cands  []*candidate
	seen   map[int]bool // file specifications and name tree nodes visited
	inAF   map[int]bool // file specifications in the catalog's /AF
	nodes  int
	others []string // names of other attachments, for the error message
}

// rank returns the preference of an attachment name (lower is better), -1
// for a name that is not an invoice's. The name may carry a path.
func rank(name string) (string, int) {
	base := name
	if i := strings.LastIndexAny(base, `/\:`); i >= 0 {
		base = base[i+1:]
	}
	for i, n := range invoiceNames {
		if strings.EqualFold(base, n) {
			return base, i
		}
	}
	return base, -1
}

// add considers the file specification v (a reference or a dictionary),
// found under the name-tree key key.
func (f *finder) add(v pdfscan.Object, key string) {
	num := 0
	if ref, ok := v.(pdfscan.Ref); ok {
		num = ref.Num
		if f.seen[num] {
			return
		}
		f.seen[num] = true
	}
	fs := f.r.Dict(v)
	if fs == nil {
		return
	}
	f.addDict(fs, num, key)
}

func (f *finder) addDict(fs pdfscan.Dict, num int, key string) {
	var first string
	for _, k := range [...]pdfscan.Name{"UF", "F"} {
		o, _ := f.r.Resolve(fs.Get(k))
		s, ok := o.(pdfscan.String)
		if !ok {
			continue
		}
		name := pdfscan.TextString(s)
		if first == "" {
			first = name
		}
		if base, rk := rank(name); rk >= 0 {
			f.cands = append(f.cands, &candidate{fs: fs, num: num, name: base, rank: rk, inAF: f.inAF[num]})
			return
		}
	}
	if base, rk := rank(key); rk >= 0 {
		f.cands = append(f.cands, &candidate{fs: fs, num: num, name: base, rank: rk, inAF: f.inAF[num]})
		return
	}
	if first == "" {
		first = key
	}
	if first != "" && len(f.others) < 20 {
		f.others = append(f.others, first)
	}
}

// nameTree walks the name tree node o (Names and Kids).
func (f *finder) nameTree(o pdfscan.Object, depth int) {
	if ref, ok := o.(pdfscan.Ref); ok {
		if f.seen[-ref.Num] {
			return // a loop in the tree
		}
		f.seen[-ref.Num] = true
	}
	f.nodes++
	if depth > nameTreeMaxDepth || f.nodes > nameTreeMaxNodes {
		return
	}
	node := f.r.Dict(o)
	if node == nil {
		return
	}
	names := f.r.Array(node.Get("Names"))
	for i := 0; i+1 < len(names); i += 2 {
		k, _ := f.r.Resolve(names[i])
		var key string
		switch k := k.(type) {
		case pdfscan.String:
			key = pdfscan.TextString(k)
		case pdfscan.Name:
			key = string(k)
		}
		f.add(names[i+1], key)
	}
	for _, kid := range f.r.Array(node.Get("Kids")) {
		f.nameTree(kid, depth+1)
	}
}

// scanAll considers every file specification of the file, newest first.
func (f *finder) scanAll() {
	objs := f.r.Objects()
	for i := len(objs) - 1; i >= 0; i-- {
		num := objs[i]
		if f.seen[num] {
			continue
		}
		o, err := f.r.Object(num)
		if err != nil {
			continue
		}
		f.scanObject(o, num, 0)
	}
}

// scanObject looks for file specifications (dictionaries with /EF) in o.
func (f *finder) scanObject(o pdfscan.Object, num, depth int) {
	if depth > pdfscan.MaxDepth {
		return
	}
	switch o := o.(type) {
	case pdfscan.Dict:
		if o.Has("EF") {
			n := 0
			if depth == 0 {
				n = num
				f.seen[num] = true
			}
			f.addDict(o, n, "")
			return
		}
		for _, kv := range o {
			f.scanObject(kv.Value, num, depth+1)
		}
	case pdfscan.Array:
		for _, v := range o {
			f.scanObject(v, num, depth+1)
		}
	}
}

func (c *candidate) where() string {
	if c.num > 0 {
		return fmt.Sprintf("attachment %s (object %d)", c.name, c.num)
	}
	return "attachment " + c.name
}

// extract decodes the embedded file of c.
func (f *finder) extract(c *candidate) (*Extracted, error) {
	ef := f.r.Dict(c.fs.Get("EF"))
	if ef == nil {
		return nil, fmt.Errorf("facturx: %s: no embedded file (/EF)", c.where())
	}
	var s *pdfscan.Stream
	var resolveErr error
	for _, k := range [...]pdfscan.Name{"F", "UF"} {
		o, err := f.r.Resolve(ef.Get(k))
		if err != nil && resolveErr == nil {
			resolveErr = err
		}
		if st, ok := o.(*pdfscan.Stream); ok {
			s = st
			break
		}
	}
	if s == nil {
		if resolveErr != nil {
			return nil, fmt.Errorf("facturx: %s: embedded file stream: %w", c.where(), resolveErr)
		}
		return nil, fmt.Errorf("facturx: %s: /EF holds no embedded file stream", c.where())
	}
	data, err := f.r.Decode(s, extractMaxXML)
	if err != nil {
		return nil, &decodeError{fmt.Errorf("facturx: %s: embedded file: %w", c.where(), err)}
	}
	if len(data) == 0 {
		return nil, fmt.Errorf("facturx: %s: the embedded file (object %d) is empty", c.where(), s.Num)
	}
	if len(s.Raw) > 0 && &data[0] == &s.Raw[0] {
		data = bytes.Clone(data) // unfiltered: not a slice of the caller's PDF
	}
	x := &Extracted{XML: data, Name: c.name}
	switch rel := c.fs.Get("AFRelationship").(type) {
	case pdfscan.Name:
		x.Relationship = Relationship(rel)
	case pdfscan.String:
		x.Relationship = Relationship(pdfscan.TextString(rel))
	}
	return x, nil
}

// decodeError marks an embedded file that is there but cannot be decoded.
type decodeError struct{ err error }

func (e *decodeError) Error() string { return e.err.Error() }

// noInvoice is ErrNoInvoice, with what the file holds instead.
func (f *finder) noInvoice(noCatalog bool) error {
	var detail string
	switch {
	case len(f.others) > 0:
		q := make([]string, len(f.others))
		for i, n := range f.others {
			q[i] = strconv.Quote(n)
		}
		detail = " (attachments: " + strings.Join(q, ", ") + ")"
	case noCatalog:
		detail = " (damaged PDF: no document catalog found)"
	default:
		detail = " (the PDF has no attachment)"
	}
	return fmt.Errorf("%w%s", ErrNoInvoice, detail)
}

// metadata reads the fx properties of the XMP stream o; errors leave them
// empty.
func (f *finder) metadata(o pdfscan.Object) (level, version, docType string) {
	v, err := f.r.Resolve(o)
	if err != nil {
		return
	}
	s, ok := v.(*pdfscan.Stream)
	if !ok {
		return
	}
	data, err := f.r.Decode(s, extractMaxXMP)
	if err != nil {
		return
	}
	return fxProperties(data)
}

// fxNamespaces are the prefixes of the namespaces of the Factur-X and
// ZUGFeRD XMP schemas.
var fxNamespaces = [...]string{
	"urn:factur-x:pdfa:CrossIndustryDocument",
	"urn:zugferd:pdfa:CrossIndustryDocument",
	"urn:ferd:pdfa:CrossIndustryDocument",
}

func isFX(ns []byte) bool {
	for _, p := range fxNamespaces {
		if len(ns) >= len(p) && bytes.EqualFold(ns[:len(p)], []byte(p)) {
			return true
		}
	}
	return false
}

// fxProperties returns fx:ConformanceLevel, fx:Version and fx:DocumentType
// of an XMP packet, in element or attribute form, whatever the prefix; the
// first value of each wins. It is a small namespace-aware scan of its own,
// which allocates little (encoding/xml would cost more than the rest of
// Extract): malformed XML ends the scan with what was found before.
func fxProperties(xmp []byte) (level, version, docType string) {
	if !bytes.Contains(xmp, []byte("CrossIndustryDocument")) {
		return
	}
	slot := func(local []byte) *string {
		switch {
		case string(local) == "ConformanceLevel":
			return &level
		case string(local) == "Version":
			return &version
		case string(local) == "DocumentType":
			return &docType
		}
		return nil
	}
	type binding struct{ prefix, uri []byte }
	var (
		ns    []binding // in scope, innermost last
		marks []int     // len(ns) when each open element started
		attrs []xmlAttr
		field *string // the property whose text is being collected
		depth int     // of the element whose text is collected
		text  []byte
	)
	isFXPrefix := func(prefix []byte) bool {
		for i := len(ns) - 1; i >= 0; i-- {
			if bytes.Equal(ns[i].prefix, prefix) {
				return isFX(ns[i].uri)
			}
		}
		return false
	}
	b := xmp
	for len(b) > 0 {
		lt := bytes.IndexByte(b, '<')
		if lt < 0 {
			return
		}
		if field != nil {
			text = append(text, b[:lt]...)
		}
		b = b[lt:]
		switch {
		case bytes.HasPrefix(b, []byte("<?")):
			b = skipPast(b, "?>")
		case bytes.HasPrefix(b, []byte("<!--")):
			b = skipPast(b, "-->")
		case bytes.HasPrefix(b, []byte("<![CDATA[")):
			end := bytes.Index(b, []byte("]]>"))
			if end < 0 {
				return
			}
			if field != nil {
				text = append(text, b[:end+3]...) // unescaped by xmlText
			}
			b = b[end+3:]
		case bytes.HasPrefix(b, []byte("<!")):
			b = skipPast(b, ">")
		case bytes.HasPrefix(b, []byte("</")):
			end := bytes.IndexByte(b, '>')
			if end < 0 || len(marks) == 0 {
				return
			}
			b = b[end+1:]
			ns = ns[:marks[len(marks)-1]]
			marks = marks[:len(marks)-1]
			if field != nil && len(marks) == depth {
				*field = strings.TrimSpace(xmlText(text, true))
				field = nil
				if level != "" && version != "" && docType != "" {
					return
				}
			}
		default:
			var name []byte
			var selfClosing, ok bool
			name, attrs, selfClosing, b, ok = startTag(b, attrs[:0])
			if !ok {
				return
			}
			marks = append(marks, len(ns))
			for _, a := range attrs {
				switch {
				case string(a.name) == "xmlns":
					ns = append(ns, binding{nil, a.value})
				case bytes.HasPrefix(a.name, []byte("xmlns:")):
					ns = append(ns, binding{a.name[6:], a.value})
				}
			}
			for _, a := range attrs {
				if prefix, local, ok := bytes.Cut(a.name, []byte(":")); ok && string(prefix) != "xmlns" {
					if p := slot(local); p != nil && *p == "" && isFXPrefix(prefix) {
						*p = strings.TrimSpace(xmlText(a.value, false))
					}
				}
			}
			if field == nil {
				prefix, local, ok := bytes.Cut(name, []byte(":"))
				if !ok {
					prefix, local = nil, name
				}
				if p := slot(local); p != nil && *p == "" && isFXPrefix(prefix) {
					field, depth, text = p, len(marks)-1, text[:0]
				}
			}
			if selfClosing {
				ns = ns[:marks[len(marks)-1]]
				marks = marks[:len(marks)-1]
				if field != nil && len(marks) == depth {
					field = nil // <fx:Version/>: empty
				}
			}
		}
	}
	return
}

type xmlAttr struct{ name, value []byte }

// skipPast returns b after the first end, or nothing.
func skipPast(b []byte, end string) []byte {
	i := bytes.Index(b, []byte(end))
	if i < 0 {
		return nil
	}
	return b[i+len(end):]
}

func isXMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// startTag reads the start tag at the start of b ('<'): its name and
// attributes (slices of b, values not unescaped), whether it closes
// itself, and the rest of b.
func startTag(b []byte, attrs []xmlAttr) (name []byte, _ []xmlAttr, selfClosing bool, rest []byte, ok bool) {
	i := 1
	readName := func() []byte {
		j := i
		for i < len(b) && !isXMLSpace(b[i]) && b[i] != '>' && b[i] != '/' && b[i] != '=' {
			i++
		}
		return b[j:i]
	}
	skipSpace := func() {
		for i < len(b) && isXMLSpace(b[i]) {
			i++
		}
	}
	name = readName()
	if len(name) == 0 {
		return nil, attrs, false, nil, false
	}
	for {
		skipSpace()
		if i >= len(b) {
			return nil, attrs, false, nil, false
		}
		switch b[i] {
		case '>':
			return name, attrs, false, b[i+1:], true
		case '/':
			if i+1 < len(b) && b[i+1] == '>' {
				return name, attrs, true, b[i+2:], true
			}
			return nil, attrs, false, nil, false
		}
		an := readName()
		skipSpace()
		if len(an) == 0 || i >= len(b) || b[i] != '=' {
			return nil, attrs, false, nil, false
		}
		i++
		skipSpace()
		if i >= len(b) || (b[i] != '"' && b[i] != '\'') {
			return nil, attrs, false, nil, false
		}
		q := b[i]
		end := bytes.IndexByte(b[i+1:], q)
		if end < 0 {
			return nil, attrs, false, nil, false
		}
		attrs = append(attrs, xmlAttr{an, b[i+1 : i+1+end]})
		i += end + 2
	}
}

// xmlText unescapes character data: the predefined entities, character
// references and, when cdata is set, CDATA sections. Unknown entities are
// kept as they are.
func xmlText(b []byte, cdata bool) string {
	if bytes.IndexByte(b, '&') < 0 && (!cdata || !bytes.Contains(b, []byte("<![CDATA["))) {
		return string(b)
	}
	var out []byte
	for len(b) > 0 {
		if cdata && bytes.HasPrefix(b, []byte("<![CDATA[")) {
			end := bytes.Index(b, []byte("]]>"))
			if end < 0 {
				out = append(out, b[9:]...)
				break
			}
			out = append(out, b[9:end]...)
			b = b[end+3:]
			continue
		}
		c := b[0]
		if c != '&' {
			out = append(out, c)
			b = b[1:]
			continue
		}
		semi := bytes.IndexByte(b, ';')
		if semi < 0 || semi > 12 {
			out = append(out, c)
			b = b[1:]
			continue
		}
		ent := string(b[1:semi])
		var r rune = -1
		switch ent {
		case "lt":
			r = '<'
		case "gt":
			r = '>'
		case "amp":
			r = '&'
		case "quot":
			r = '"'
		case "apos":
			r = '\''
		default:
			if strings.HasPrefix(ent, "#x") || strings.HasPrefix(ent, "#X") {
				if v, err := strconv.ParseUint(ent[2:], 16, 32); err == nil {
					r = rune(v)
				}
			} else if strings.HasPrefix(ent, "#") {
				if v, err := strconv.ParseUint(ent[1:], 10, 32); err == nil {
					r = rune(v)
				}
			}
		}
		if r < 0 || !utf8.ValidRune(r) {
			out = append(out, c)
			b = b[1:]
			continue
		}
		out = utf8.AppendRune(out, r)
		b = b[semi+1:]
	}
	return string(out)
}
