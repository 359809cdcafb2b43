package facturx

import (
	"bytes"
	"context"
	"crypto/md5"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"hash/adler32"
	"io"
	"math/bits"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"github.com/einvoice-go/einvoice/cii"
)

// How a PDF becomes a PDF/A-3B here.
//
// pdfcpu parses the input into its object model (all objects in memory,
// stream data still encoded); nothing of pdfcpu's validation, optimisation
// or writer runs. The document is checked against the PDF/A rules that an
// input can break (refuse.go), the catalog is given its new XMP metadata,
// output intent, embedded files and /AF, and the file is written anew by
// pdfaWriter: a PDF 1.7 header, every object reachable from the catalog
// once, renumbered in the order they are reached, a classic xref table and
// a trailer with our /Info and /ID. What is no longer reachable (the old
// XMP, a replaced factur-x.xml, the object streams) is left behind.
//
// Writing ourselves instead of with pdfcpu's writer makes the output
// depend on the inputs only (pdfcpu stamps time.Now() into the Info
// dictionary and the /ID), and it is several times faster: no second
// parse, no optimisation pass.

// pdfcpuConf returns the pdfcpu configuration, built in memory: pdfcpu's
// own constructors read or create a configuration directory on disk.
func pdfcpuConf() *model.Configuration {
	return &model.Configuration{
		Reader15:                  true,
		ValidationMode:            model.ValidationRelaxed,
		UnsupportedResourcePolicy: model.UnsupportedResourceSkip,
		Eol:                       types.EolLF,
		Limits:                    model.DefaultResourceLimits(),
		Offline:                   true,
	}
}

// readPDFA parses src with pdfcpu. A panic of pdfcpu on hostile input is an
// error, as any other failure to read: it wraps ErrNotPDF.
func readPDFA(src []byte) (ctx *model.Context, err error) {
	head := src[:min(len(src), 1024)]
	if !bytes.Contains(head, []byte("%PDF-")) {
		return nil, fmt.Errorf("%w: no %%PDF- header in the first 1024 bytes", ErrNotPDF)
	}
	defer func() {
		if r := recover(); r != nil {
			ctx, err = nil, fmt.Errorf("%w: the PDF cannot be read (pdfcpu: %v)", ErrNotPDF, r)
		}
	}()
	ctx, err = api.ReadContext(bytes.NewReader(src), pdfcpuConf())
	if err != nil {
		if encryptedTrailerPDF(src) {
			return nil, &PDFAError{Rule: "6.1.3-2", Where: "trailer", Msg: "the PDF is encrypted (" + err.Error() + ")"}
		}
		return nil, fmt.Errorf("%w: the PDF cannot be read: %v", ErrNotPDF, err)
	}
	if ctx.XRefTable == nil || ctx.HeaderVersion == nil {
		return nil, fmt.Errorf("%w: the PDF cannot be read: no cross-reference table", ErrNotPDF)
	}
	return ctx, nil
}

// encryptedTrailerPDF reports whether a trailer or cross-reference stream of
// src names an /Encrypt dictionary: why pdfcpu refuses a PDF that needs a
// password.
var encryptedTrailerPDFRE = regexp.MustCompile(`/Encrypt\s*\d+\s+\d+\s+R`)

func encryptedTrailerPDF(src []byte) bool { return encryptedTrailerPDFRE.Match(src) }

// makePDFA writes src to w as a PDF/A-3B, with xml as factur-x.xml when xml
// is not nil, and o's attachments. Render calls it with xml == nil for the
// PDF it draws. Nothing is written to w on error.
func makePDFA(w io.Writer, src, xml []byte, o *Options) error {
	if o == nil {
		o = &Options{}
	}
	var prof cii.Profile
	var rel Relationship
	if xml != nil {
		var err error
		if prof, err = ciiProfileOf(xml); err != nil {
			return err
		}
		if rel, err = fxRelationship(prof, o.Relationship); err != nil {
			return err
		}
	}
	if err := checkAttachmentOptions(o.Attachments, xml != nil); err != nil {
		return err
	}
	ctx, err := readPDFA(src)
	if err != nil {
		return err
	}
	out, err := convertPDFA(ctx, src, xml, prof, rel, o)
	if err != nil {
		return err
	}
	_, err = w.Write(out)
	return err
}

// fxRelationship returns the /AFRelationship of factur-x.xml.
func fxRelationship(p cii.Profile, r Relationship) (Relationship, error) {
	switch {
	case p == cii.Minimum || p == cii.BasicWL:
		return Data, nil
	case r == "":
		return Alternative, nil
	case r == Data || r == Alternative || r == Source:
		return r, nil
	}
	return "", fmt.Errorf("facturx: Options.Relationship %q is not one Factur-X allows for factur-x.xml (Data, Alternative, Source)", r)
}

// isXMLInvoiceName reports whether an attachment name is that of the XML
// of a Factur-X, ZUGFeRD or XRechnung PDF (the names Extract looks for),
// or of an Order-X one: Embed replaces such an attachment.
func isXMLInvoiceName(s string) bool {
	_, r := rank(s)
	return r >= 0 || strings.EqualFold(s, "order-x.xml")
}

// pdfaMIMERE is the form of a MIME type that PDF/A-3 accepts as the /Subtype
// of an embedded file (veraPDF 6.8-1).
var pdfaMIMERE = regexp.MustCompile(`^[-\w+.]+/[-\w+.]+$`)

// pdfaRelRE is the form of an /AFRelationship value: a PDF name.
var pdfaRelRE = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9]*$`)

// checkAttachmentOptions checks the attachments of Options: names present and
// distinct, not the invoice's, MIME types and relationships well-formed.
func checkAttachmentOptions(as []Attachment, withXML bool) error {
	seen := make(map[string]bool, len(as))
	for i, a := range as {
		where := fmt.Sprintf("facturx: Options.Attachments[%d] (%q)", i, a.Name)
		switch {
		case strings.TrimSpace(a.Name) == "":
			return fmt.Errorf("%s: the name is empty", where)
		case withXML && isXMLInvoiceName(a.Name):
			return fmt.Errorf("%s: the name is the invoice XML's", where)
		case seen[a.Name]:
			return fmt.Errorf("%s: a second attachment of this name", where)
		case a.MIME != "" && !pdfaMIMERE.MatchString(a.MIME):
			return fmt.Errorf("%s: MIME type %q is not of the form type/subtype", where, a.MIME)
		case a.Relationship != "" && !pdfaRelRE.MatchString(string(a.Relationship)):
			return fmt.Errorf("%s: relationship %q is not a PDF name", where, a.Relationship)
		}
		seen[a.Name] = true
	}
	return nil
}

// srcDoc is the input being converted.
type srcDoc struct {
	xt      *model.XRefTable
	catalog types.Dict
}

// deref resolves o when it is an indirect reference; a missing object is
// nil.
func (d *srcDoc) deref(o types.Object) types.Object {
	ir, ok := o.(types.IndirectRef)
	if !ok {
		return o
	}
	r, err := d.xt.Dereference(ir)
	if err != nil {
		return nil
	}
	return r
}

// dict returns o as a dictionary (a stream's dictionary included), or nil.
func (d *srcDoc) dict(o types.Object) types.Dict {
	switch v := d.deref(o).(type) {
	case types.Dict:
		return v
	case types.StreamDict:
		return v.Dict
	}
	return nil
}

// stream returns o as a stream, or nil.
func (d *srcDoc) stream(o types.Object) *types.StreamDict {
	if sd, ok := d.deref(o).(types.StreamDict); ok {
		return &sd
	}
	return nil
}

func (d *srcDoc) array(o types.Object) types.Array {
	a, _ := d.deref(o).(types.Array)
	return a
}

func (d *srcDoc) name(o types.Object) string {
	n, _ := d.deref(o).(types.Name)
	return string(n)
}

// number returns o as a number.
func (d *srcDoc) number(o types.Object) (float64, bool) {
	switch v := d.deref(o).(type) {
	case types.Integer:
		return float64(v), true
	case types.Float:
		return float64(v), true
	}
	return 0, false
}

// text returns o as a text string, decoded (PDFDocEncoding or UTF-16).
func (d *srcDoc) text(o types.Object) string {
	switch v := d.deref(o).(type) {
	case types.StringLiteral, types.HexLiteral:
		s, err := types.StringOrHexLiteral(v)
		if err == nil && s != nil {
			return *s
		}
	}
	return ""
}

// bool returns o as a boolean.
func (d *srcDoc) bool(o types.Object) bool {
	b, _ := d.deref(o).(types.Boolean)
	return bool(b)
}

// refNr returns the object number of o when it is a reference, else 0.
func refNr(o types.Object) int {
	if ir, ok := o.(types.IndirectRef); ok {
		return ir.ObjectNumber.Value()
	}
	return 0
}

// newObject adds o to the document as an indirect object.
func (d *srcDoc) newObject(o types.Object) types.IndirectRef {
	nr, _ := d.xt.InsertObject(o)
	return *types.NewIndirectRef(nr, 0)
}

// pdfTextString encodes s as a PDF text string: a literal for printable
// ASCII, UTF-16BE with a byte order mark otherwise.
func pdfTextString(s string) types.Object {
	ascii := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c > 0x7e {
			ascii = false
			break
		}
	}
	if ascii {
		if !strings.ContainsAny(s, `\()`) {
			return types.StringLiteral(s)
		}
		b := make([]byte, 0, len(s)+8)
		for i := 0; i < len(s); i++ {
			if c := s[i]; c == '\\' || c == '(' || c == ')' {
				b = append(b, '\\')
			}
			b = append(b, s[i])
		}
		return types.StringLiteral(b)
	}
	b := []byte{0xFE, 0xFF}
	for _, u := range utf16.Encode([]rune(s)) {
		b = binary.BigEndian.AppendUint16(b, u)
	}
	return types.HexLiteral(hex.EncodeToString(b))
}

// convertPDFA makes the PDF/A-3B of the parsed input ctx and returns its bytes.
func convertPDFA(ctx *model.Context, src, xml []byte, prof cii.Profile, rel Relationship, o *Options) (out []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("%w: the PDF cannot be converted (panic: %v)", ErrNotPDF, r)
		}
	}()
	xt := ctx.XRefTable
	if xt.Version() >= model.V20 {
		return nil, &PDFAError{Rule: "6.1.2-1", Where: "header", Msg: "PDF " + xt.VersionString() + ": PDF/A-3 is based on PDF 1.7"}
	}
	if ctx.Encrypt != nil {
		return nil, &PDFAError{Rule: "6.1.3-2", Where: "trailer", Msg: "the PDF is encrypted"}
	}
	catalog, err := xt.Catalog()
	if err != nil || catalog == nil {
		return nil, fmt.Errorf("%w: no document catalog", ErrNotPDF)
	}
	d := &srcDoc{xt: xt, catalog: catalog}

	intent, keepIntent := d.pdfaIntent()
	if err := d.check(intent); err != nil {
		return nil, err
	}

	meta := d.meta(src, xml, o)
	if xml != nil {
		meta.Level = prof.ConformanceLevel()
	}

	// The catalog of the PDF/A.
	catalog.Delete("Version")
	catalog.Delete("Metadata")
	catalog.Insert("Metadata", d.newObject(types.StreamDict{
		Dict: types.Dict{"Type": types.Name("Metadata"), "Subtype": types.Name("XML")},
		Raw:  meta.xmp(),
	}))
	if !keepIntent {
		catalog.Delete("OutputIntents")
		catalog.Insert("OutputIntents", types.Array{d.srgbIntent()})
	}
	d.files(xml, rel, o, meta.Time)

	info := types.Dict{
		"Producer":     types.StringLiteral(pdfProducer),
		"CreationDate": types.StringLiteral(pdfDateText(meta.Time)),
		"ModDate":      types.StringLiteral(pdfDateText(meta.Time)),
	}
	for k, v := range map[string]string{"Title": meta.Title, "Author": meta.Author, "Subject": meta.Subject, "Keywords": meta.Keywords, "Creator": meta.Creator} {
		if v != "" {
			info[k] = pdfTextString(v)
		}
	}

	pw := &pdfaWriter{d: d, num: make(map[int]int, len(xt.Table))}
	return pw.write(*xt.Root, d.newObject(info), meta.DocumentID, meta.InstanceID, len(src)+len(xml)+4096)
}

// meta gathers the document information of the output: Options first,
// then the input's document information.
func (d *srcDoc) meta(src, xml []byte, o *Options) *pdfaMeta {
	var in types.Dict
	if d.xt.Info != nil {
		in = d.dict(*d.xt.Info)
	}
	pick := func(opt, key string) string {
		if opt != "" {
			return metaText(opt)
		}
		if in != nil {
			return metaText(d.text(in[key]))
		}
		return ""
	}
	m := &pdfaMeta{
		Title:    pick(o.Title, "Title"),
		Author:   pick(o.Author, "Author"),
		Subject:  pick(o.Subject, "Subject"),
		Keywords: pick(o.Keywords, "Keywords"),
		Creator:  pick(o.Creator, "Creator"),
	}
	if m.Creator == "" {
		m.Creator = "einvoice"
	}
	t := o.Time
	if t.IsZero() {
		t = time.Now()
	}
	m.Time = t.Truncate(time.Second)

	// A digest of everything the output is made of, for the IDs.
	h := sha256.New()
	put := func(b []byte) {
		var n [8]byte
		binary.BigEndian.PutUint64(n[:], uint64(len(b)))
		h.Write(n[:])
		h.Write(b)
	}
	put(src)
	put(xml)
	put([]byte(m.Time.Format(time.RFC3339)))
	for _, s := range []string{m.Title, m.Author, m.Subject, m.Keywords, m.Creator, string(o.Relationship)} {
		put([]byte(s))
	}
	for _, a := range o.Attachments {
		put([]byte(a.Name))
		put([]byte(a.MIME))
		put([]byte(a.Description))
		put([]byte(a.Relationship))
		put(a.Data)
	}
	sum := h.Sum(nil)
	m.DocumentID = o.DocumentID
	if m.DocumentID == [16]byte{} {
		d := sha256.Sum256(append([]byte("document:"), sum...))
		copy(m.DocumentID[:], d[:])
	}
	inst := sha256.Sum256(append(append([]byte("instance:"), sum...), m.DocumentID[:]...))
	copy(m.InstanceID[:], inst[:])
	return m
}

// pdfaIntent returns the number of colour components of the input's PDF/A
// output intent, and true when it has one to keep; 3 (our sRGB) and false
// otherwise.
func (d *srcDoc) pdfaIntent() (int, bool) {
	for _, oi := range d.array(d.catalog["OutputIntents"]) {
		od := d.dict(oi)
		if d.name(od["S"]) != "GTS_PDFA1" {
			continue
		}
		prof := d.stream(od["DestOutputProfile"])
		if prof == nil {
			continue
		}
		n, ok := d.number(prof.Dict["N"])
		if !ok || n != 1 && n != 3 && n != 4 {
			continue
		}
		return int(n), true
	}
	return 3, false
}

// srgbIntent returns a new sRGB PDF/A output intent.
func (d *srcDoc) srgbIntent() types.IndirectRef {
	icc := d.newObject(types.StreamDict{
		Dict: types.Dict{"N": types.Integer(3), "Filter": types.Name("FlateDecode")},
		Raw:  srgbICCFlate(),
	})
	return d.newObject(types.Dict{
		"Type":                      types.Name("OutputIntent"),
		"S":                         types.Name("GTS_PDFA1"),
		"OutputCondition":           types.StringLiteral("sRGB"),
		"OutputConditionIdentifier": types.StringLiteral("sRGB IEC61966-2.1"),
		"RegistryName":              types.StringLiteral("http://www.color.org"),
		"Info":                      types.StringLiteral("sRGB IEC61966-2.1"),
		"DestOutputProfile":         icc,
	})
}

// efEntry is an entry of the EmbeddedFiles name tree.
type efEntry struct {
	key  string       // decoded
	spec types.Object // the file specification, as found
}

// embeddedFiles returns the entries of the EmbeddedFiles name tree.
func (d *srcDoc) embeddedFiles() []efEntry {
	var out []efEntry
	seen := map[int]bool{}
	var walk func(node types.Object, depth int)
	walk = func(node types.Object, depth int) {
		if nr := refNr(node); nr != 0 {
			if seen[nr] {
				return
			}
			seen[nr] = true
		}
		n := d.dict(node)
		if n == nil || depth > 32 {
			return
		}
		names := d.array(n["Names"])
		for i := 0; i+1 < len(names); i += 2 {
			out = append(out, efEntry{key: d.text(names[i]), spec: names[i+1]})
		}
		for _, k := range d.array(n["Kids"]) {
			walk(k, depth+1)
		}
	}
	if names := d.dict(d.catalog["Names"]); names != nil {
		walk(names["EmbeddedFiles"], 0)
	}
	return out
}

// files sets the embedded files of the output: the input's, but for the
// invoice XML it may hold and the attachments o replaces, made associated
// files (PDF/A-3 6.8), then factur-x.xml and o's attachments. The
// EmbeddedFiles name tree becomes one sorted leaf, and /AF lists every
// embedded file.
func (d *srcDoc) files(xml []byte, rel Relationship, o *Options, t time.Time) {
	replaced := map[string]bool{}
	for _, a := range o.Attachments {
		replaced[a.Name] = true
	}
	drop := func(name string) bool { return xml != nil && isXMLInvoiceName(name) || replaced[name] }

	var keep []efEntry
	dropped := map[int]bool{} // file specifications left out, by object number
	for _, e := range d.embeddedFiles() {
		fs := d.dict(e.spec)
		if fs == nil {
			continue
		}
		if drop(e.key) || drop(d.text(fs["UF"])) || drop(d.text(fs["F"])) {
			if nr := refNr(e.spec); nr != 0 {
				dropped[nr] = true
			}
			continue
		}
		keep = append(keep, efEntry{key: e.key, spec: d.associate(e.spec)})
	}
	// Files attached to annotations must be associated files too.
	var annotSpecs []types.Object
	d.eachPage(func(_ int, page, _ types.Dict) {
		for _, a := range d.array(page["Annots"]) {
			ad := d.dict(a)
			if d.name(ad["Subtype"]) != "FileAttachment" || d.dict(ad["FS"])["EF"] == nil {
				continue
			}
			ad["FS"] = d.associate(ad["FS"])
			annotSpecs = append(annotSpecs, ad["FS"])
		}
	})

	if xml != nil {
		keep = append(keep, efEntry{key: fxXMLName, spec: d.fileSpec(fxXMLName, "text/xml", "Factur-X invoice", rel, xml, t)})
	}
	for _, a := range o.Attachments {
		mime := a.MIME
		if mime == "" {
			mime = "application/octet-stream"
		}
		r := a.Relationship
		if r == "" {
			r = Supplement
		}
		keep = append(keep, efEntry{key: a.Name, spec: d.fileSpec(a.Name, mime, a.Description, r, a.Data, t)})
	}

	// The name tree: keys in the order of their bytes.
	names := d.dict(d.catalog["Names"])
	if names == nil && len(keep) > 0 {
		names = types.Dict{}
		d.catalog["Names"] = names
	}
	if names != nil {
		delete(names, "EmbeddedFiles")
		if len(keep) > 0 {
			type keyed struct {
				enc  types.Object
				sort string
				spec types.Object
			}
			ks := make([]keyed, len(keep))
			for i, e := range keep {
				enc := pdfTextString(e.key)
				ks[i] = keyed{enc, pdfStringBytes(enc), e.spec}
			}
			sort.SliceStable(ks, func(i, j int) bool { return ks[i].sort < ks[j].sort })
			arr := make(types.Array, 0, 2*len(ks))
			for _, k := range ks {
				arr = append(arr, k.enc, k.spec)
			}
			names["EmbeddedFiles"] = types.Dict{"Names": arr}
		}
	}

	// /AF: what the input lists, but for the files left out, then every
	// embedded file not yet listed.
	var af types.Array
	listed := map[int]bool{}
	for _, f := range d.array(d.catalog["AF"]) {
		nr := refNr(f)
		if dropped[nr] {
			continue
		}
		if nr == 0 {
			fs := d.dict(f)
			if fs == nil || drop(d.text(fs["UF"])) || drop(d.text(fs["F"])) {
				continue
			}
		}
		listed[nr] = true
		af = append(af, f)
	}
	for _, e := range keep {
		if nr := refNr(e.spec); !listed[nr] {
			listed[nr] = true
			af = append(af, e.spec)
		}
	}
	for _, s := range annotSpecs {
		if nr := refNr(s); !listed[nr] {
			listed[nr] = true
			af = append(af, s)
		}
	}
	delete(d.catalog, "AF")
	if len(af) > 0 {
		d.catalog["AF"] = af
	}
}

// pdfStringBytes returns the bytes a string object holds, for sorting.
func pdfStringBytes(o types.Object) string {
	switch v := o.(type) {
	case types.StringLiteral:
		b, _ := types.Unescape(string(v))
		return string(b)
	case types.HexLiteral:
		b, _ := v.Bytes()
		return string(b)
	}
	return ""
}

// associate makes the file specification spec fit for an associated file
// (PDF/A-3 6.8): an indirect object with /F and /UF, an /AFRelationship
// (Unspecified when missing) and a MIME type on its embedded file
// (application/octet-stream when missing). It returns the reference.
func (d *srcDoc) associate(spec types.Object) types.Object {
	fs := d.dict(spec)
	if fs == nil {
		return spec
	}
	if refNr(spec) == 0 {
		spec = d.newObject(fs)
	}
	if fs["UF"] == nil && fs["F"] != nil {
		fs["UF"] = pdfTextString(d.text(fs["F"]))
	}
	if fs["F"] == nil && fs["UF"] != nil {
		fs["F"] = fs["UF"]
	}
	if d.name(fs["AFRelationship"]) == "" {
		fs["AFRelationship"] = types.Name(Unspecified)
	}
	ef := d.dict(fs["EF"])
	for _, k := range []string{"F", "UF"} {
		if s := d.dict(ef[k]); s != nil && !pdfaMIMERE.MatchString(d.name(s["Subtype"])) {
			s["Subtype"] = types.Name("application/octet-stream")
		}
	}
	return spec
}

// fileSpec adds an embedded file and its file specification, and returns
// the reference to the file specification.
func (d *srcDoc) fileSpec(name, mime, desc string, rel Relationship, data []byte, t time.Time) types.IndirectRef {
	sum := md5.Sum(data)
	ef := d.newObject(types.StreamDict{
		Dict: types.Dict{
			"Type":    types.Name("EmbeddedFile"),
			"Subtype": types.Name(mime),
			"Filter":  types.Name("FlateDecode"),
			"Params": types.Dict{
				"Size":     types.Integer(len(data)),
				"ModDate":  types.StringLiteral(pdfDateText(t)),
				"CheckSum": types.HexLiteral(hex.EncodeToString(sum[:])),
			},
		},
		Raw: zlibBytes(data),
	})
	fs := types.Dict{
		"Type":           types.Name("Filespec"),
		"F":              pdfTextString(name),
		"UF":             pdfTextString(name),
		"AFRelationship": types.Name(rel),
		"EF":             types.Dict{"F": ef, "UF": ef},
	}
	if desc = metaText(desc); desc != "" {
		fs["Desc"] = pdfTextString(desc)
	}
	return d.newObject(fs)
}

// eachPage calls f for each page of the document, from 1, with the
// resources it inherits or has.
func (d *srcDoc) eachPage(f func(n int, page, resources types.Dict)) {
	n := 0
	seen := map[int]bool{}
	var walk func(node types.Object, res types.Dict, depth int)
	walk = func(node types.Object, res types.Dict, depth int) {
		if nr := refNr(node); nr != 0 {
			if seen[nr] {
				return
			}
			seen[nr] = true
		}
		nd := d.dict(node)
		if nd == nil || depth > 64 {
			return
		}
		if r := d.dict(nd["Resources"]); r != nil {
			res = r
		}
		kids, isNode := nd["Kids"]
		if d.name(nd["Type"]) == "Pages" || isNode && d.name(nd["Type"]) != "Page" {
			for _, k := range d.array(kids) {
				walk(k, res, depth+1)
			}
			return
		}
		n++
		f(n, nd, res)
	}
	walk(d.catalog["Pages"], nil, 0)
}

// pdfaWriter writes the output file: the objects reachable from the
// catalog and the document information, renumbered from 1 in the order
// they are reached.
type pdfaWriter struct {
	d       *srcDoc
	out     []byte
	num     map[int]int // input object number -> output number
	queue   []int       // input object numbers, by output number - 1
	offsets []int       // offsets of the output objects
	cur     int         // the input number of the object being written
	err     error       // the first refusal found while writing
}

// ref returns the output number of the input object nr, queueing it the
// first time.
func (w *pdfaWriter) ref(nr int) int {
	if n, ok := w.num[nr]; ok {
		return n
	}
	w.queue = append(w.queue, nr)
	n := len(w.queue)
	w.num[nr] = n
	return n
}

// resolve returns the input object nr, or nil for a missing or free one.
func (w *pdfaWriter) resolve(nr int) types.Object {
	e, ok := w.d.xt.Table[nr]
	if !ok || e == nil || e.Free {
		return nil
	}
	gen := 0
	if e.Generation != nil {
		gen = *e.Generation
	}
	o, err := w.d.xt.Dereference(*types.NewIndirectRef(nr, gen))
	if err != nil {
		return nil
	}
	switch o.(type) {
	case types.ObjectStreamDict, types.XRefStreamDict:
		return nil
	}
	return o
}

func (w *pdfaWriter) write(root, info types.IndirectRef, id, instance [16]byte, sizeHint int) ([]byte, error) {
	w.out = make([]byte, 0, sizeHint)
	w.out = append(w.out, "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"...)
	rootNr := w.ref(root.ObjectNumber.Value())
	infoNr := w.ref(info.ObjectNumber.Value())
	for i := 0; i < len(w.queue); i++ {
		w.cur = w.queue[i]
		w.offsets = append(w.offsets, len(w.out))
		w.out = strconv.AppendInt(w.out, int64(i+1), 10)
		w.out = append(w.out, " 0 obj\n"...)
		switch o := w.resolve(w.cur).(type) {
		case types.StreamDict:
			w.stream(o)
		default:
			w.object(o)
		}
		w.out = append(w.out, "\nendobj\n"...)
		if w.err != nil {
			return nil, w.err
		}
	}
	xref := len(w.out)
	w.out = append(w.out, "xref\n0 "...)
	w.out = strconv.AppendInt(w.out, int64(len(w.queue)+1), 10)
	w.out = append(w.out, "\n0000000000 65535 f \n"...)
	for _, off := range w.offsets {
		w.out = fmt.Appendf(w.out, "%010d 00000 n \n", off)
	}
	w.out = fmt.Appendf(w.out, "trailer\n<</Size %d/Root %d 0 R/Info %d 0 R/ID[<%x><%x>]>>\nstartxref\n%d\n%%%%EOF\n",
		len(w.queue)+1, rootNr, infoNr, id, instance, xref)
	return w.out, nil
}

// refuse records the first refusal found while writing.
func (w *pdfaWriter) refuse(rule, msg string) {
	if w.err == nil {
		w.err = &PDFAError{Rule: rule, Where: fmt.Sprintf("object %d", w.cur), Msg: msg}
	}
}

// pdfaFilters are the stream filters PDF/A-3 allows (6.1.7.2).
var pdfaFilters = []string{"ASCIIHexDecode", "ASCII85Decode", "FlateDecode", "RunLengthDecode", "CCITTFaxDecode", "JBIG2Decode", "DCTDecode", "JPXDecode"}

// stream writes a stream object: its dictionary with the real /Length,
// and its data as read.
func (w *pdfaWriter) stream(sd types.StreamDict) {
	d := sd.Dict
	for _, k := range []string{"F", "FFilter", "FDecodeParms"} {
		if _, ok := d[k]; ok {
			w.refuse("6.1.7.1-3", "a stream refers to an external file (/"+k+")")
		}
	}
	var filters []string
	switch f := w.d.deref(d["Filter"]).(type) {
	case types.Name:
		filters = []string{string(f)}
	case types.Array:
		for _, x := range f {
			filters = append(filters, w.d.name(x))
		}
	}
	for _, f := range filters {
		switch {
		case f == "LZWDecode":
			w.refuse("6.1.7.2-1", "a stream is LZW-compressed")
		case f == "Crypt":
			w.refuse("6.1.7.2-1", "a stream uses the Crypt filter")
		case !slices.Contains(pdfaFilters, f):
			w.refuse("6.1.7.2-1", "a stream uses the non-standard filter "+f)
		}
	}
	raw := sd.Raw
	w.dict(d, int64(len(raw)))
	w.out = append(w.out, "\nstream\n"...)
	w.out = append(w.out, raw...)
	w.out = append(w.out, "\nendstream"...)
}

// object writes a direct object.
func (w *pdfaWriter) object(o types.Object) {
	switch v := o.(type) {
	case nil:
		w.out = append(w.out, "null"...)
	case types.Boolean:
		w.out = strconv.AppendBool(w.out, bool(v))
	case types.Integer:
		w.out = strconv.AppendInt(w.out, int64(v), 10)
	case types.Float:
		w.out = pdfAppendReal(w.out, float64(v))
	case types.Name:
		w.out = append(w.out, '/')
		w.out = append(w.out, types.EncodeName(string(v))...)
	case types.StringLiteral:
		w.out = append(w.out, '(')
		w.out = append(w.out, v...)
		w.out = append(w.out, ')')
	case types.HexLiteral:
		w.out = append(w.out, '<')
		w.out = append(w.out, v...)
		w.out = append(w.out, '>')
	case types.IndirectRef:
		nr := v.ObjectNumber.Value()
		if w.resolve(nr) == nil {
			w.out = append(w.out, "null"...)
			return
		}
		w.out = strconv.AppendInt(w.out, int64(w.ref(nr)), 10)
		w.out = append(w.out, " 0 R"...)
	case types.Array:
		w.out = append(w.out, '[')
		for i, e := range v {
			if i > 0 {
				w.out = append(w.out, ' ')
			}
			w.object(e)
		}
		w.out = append(w.out, ']')
	case types.Dict:
		w.dict(v, -1)
	case types.LazyObjectStreamObject:
		x, err := v.DecodedObject(context.Background())
		if err != nil {
			w.out = append(w.out, "null"...)
			return
		}
		w.object(x)
	default:
		// A stream where a direct object must be: not representable.
		w.out = append(w.out, "null"...)
	}
}

// pdfAppendReal writes a real number without exponent, as PDF wants it.
func pdfAppendReal(b []byte, f float64) []byte {
	if f != f || f > 3.4e38 || f < -3.4e38 {
		f = 0
	}
	if f == float64(int64(f)) {
		return strconv.AppendInt(b, int64(f), 10)
	}
	s := strconv.FormatFloat(f, 'f', -1, 64)
	if len(s) > 20 {
		s = strings.TrimRight(strconv.FormatFloat(f, 'f', 10, 64), "0")
		if s == "" || s == "-" || s == "-0." || s == "0." {
			s = "0"
		}
	}
	return append(b, s...)
}

// dict writes a dictionary, sorted by key, with what PDF/A wants changed:
// a stream's /Length (length >= 0) is its real length, /CIDSet is left out
// of font descriptors (pdfcpu and others write incomplete ones; they are
// optional in PDF/A-3), an image's /Interpolate is false.
func (w *pdfaWriter) dict(d types.Dict, length int64) {
	typ, _ := d["Type"].(types.Name)
	sub, _ := d["Subtype"].(types.Name)
	w.checkDict(d, string(typ), string(sub))
	keys := make([]string, 0, len(d)+1)
	for k := range d {
		keys = append(keys, k)
	}
	if length >= 0 {
		if _, ok := d["Length"]; !ok {
			keys = append(keys, "Length")
		}
	}
	sort.Strings(keys)
	w.out = append(w.out, "<<"...)
	for _, k := range keys {
		v := d[k]
		switch {
		case k == "Length" && length >= 0:
			v = types.Integer(length)
		case k == "CIDSet" && typ == "FontDescriptor":
			continue
		case k == "Interpolate" && sub == "Image":
			v = types.Boolean(false)
		}
		w.out = append(w.out, '/')
		w.out = append(w.out, types.EncodeName(k)...)
		switch v.(type) {
		case types.Name, types.StringLiteral, types.HexLiteral, types.Array, types.Dict:
		default:
			w.out = append(w.out, ' ')
		}
		w.object(v)
	}
	w.out = append(w.out, ">>"...)
}

// checkDict checks one dictionary for what PDF/A-3 forbids and cannot be
// repaired: actions, PostScript, OPI and alternate images, reference
// XObjects.
func (w *pdfaWriter) checkDict(d types.Dict, typ, sub string) {
	if s, ok := d["S"].(types.Name); ok && (typ == "Action" || d["JS"] != nil || s == "Launch") {
		if err := pdfaActionError(string(s), w.d.name(d["N"])); err != nil {
			w.refuse(err.rule, err.msg)
		}
	}
	switch {
	case sub == "PS" || d["Subtype2"] == types.Name("PS"):
		w.refuse("6.2.9-3", "a PostScript XObject")
	case sub == "Image":
		if d["Alternates"] != nil {
			w.refuse("6.2.8-1", "an image has /Alternates")
		}
		if d["OPI"] != nil {
			w.refuse("6.2.8-2", "an image has /OPI")
		}
		mask := w.d.bool(d["ImageMask"])
		if bpc, ok := w.d.number(d["BitsPerComponent"]); ok {
			if mask && bpc != 1 {
				w.refuse("6.2.8-5", "an image mask with BitsPerComponent "+strconv.FormatFloat(bpc, 'f', -1, 64))
			} else if !mask && bpc != 1 && bpc != 2 && bpc != 4 && bpc != 8 && bpc != 16 {
				w.refuse("6.2.8-4", "an image with BitsPerComponent "+strconv.FormatFloat(bpc, 'f', -1, 64))
			}
		}
	case sub == "Form" && typ != "Annot":
		if d["OPI"] != nil || d["PS"] != nil {
			w.refuse("6.2.9-1", "a form XObject has /OPI or /PS")
		}
		if d["Ref"] != nil {
			w.refuse("6.2.9-2", "a reference XObject")
		}
	}
}

// actionRefusal is an action PDF/A forbids.
type actionRefusal struct{ rule, msg string }

// pdfaActions are the action types PDF/A-3 allows (6.5.1).
var pdfaActions = []string{"GoTo", "GoToR", "GoToE", "Thread", "URI", "Named", "SubmitForm"}

// pdfaActionError says why an action of type s (named action n) is forbidden,
// or returns nil.
func pdfaActionError(s, n string) *actionRefusal {
	switch {
	case s == "JavaScript":
		return &actionRefusal{"6.5.1-1", "a JavaScript action"}
	case s == "Launch":
		return &actionRefusal{"6.5.1-1", "a Launch action"}
	case !slices.Contains(pdfaActions, s):
		return &actionRefusal{"6.5.1-1", "a " + s + " action"}
	case s == "Named" && n != "NextPage" && n != "PrevPage" && n != "FirstPage" && n != "LastPage":
		return &actionRefusal{"6.5.1-2", "the named action " + n}
	}
	return nil
}

// Compression.
//
// compress/flate allocates some 800 KB of hash tables for each writer, for
// a 32 KB window and lazy matching: for a 10 KB invoice that is more than
// the rest of Embed together, and pooling writers would be global state.
// zlibBytes is a small encoder instead: greedy matches found through a
// table of 4-byte hashes, coded with the fixed Huffman codes in one block.
// Its output is about a sixth larger than compress/zlib's BestSpeed (2969
// against 2527 bytes for a 10 KB invoice), but with compress/zlib Embed took
// 2.2 ms instead of 0.9 ms (BenchmarkEmbed), over the 2 ms it must stay
// under.

// zlibBytes compresses b into a zlib stream (RFC 1950) of one DEFLATE
// block with the fixed Huffman codes (RFC 1951, 3.2.6).
func zlibBytes(b []byte) []byte {
	w := bitWriter{out: make([]byte, 0, len(b)/3+64)}
	for s := range w.codes {
		code, n := fixedCode(s)
		w.codes[s] = uint16(bits.Reverse16(code) >> (16 - n))
		w.lens[s] = uint8(n)
	}
	w.out = append(w.out, 0x78, 0x01) // deflate, 32 KB window, no dictionary
	w.bits(1|1<<1, 3)                 // BFINAL, BTYPE 01: fixed codes
	const hashBits = 14
	var table [1 << hashBits]uint32 // position + 1 of the last occurrence of each hash
	lit := 0                        // start of the literals not yet written
	for i := 0; i+4 <= len(b); {
		v := binary.LittleEndian.Uint32(b[i:])
		h := (v * 0x1e35a7bd) >> (32 - hashBits)
		cand := int(table[h]) - 1
		table[h] = uint32(i + 1)
		if cand < 0 || i-cand > 32768 || binary.LittleEndian.Uint32(b[cand:]) != v {
			i++
			continue
		}
		n := 4
		for i+n < len(b) && n < 258 && b[cand+n] == b[i+n] {
			n++
		}
		for _, c := range b[lit:i] {
			w.literal(int(c))
		}
		w.match(n, i-cand)
		i += n
		lit = i
	}
	for _, c := range b[lit:] {
		w.literal(int(c))
	}
	w.literal(256) // end of block
	w.flush()
	return binary.BigEndian.AppendUint32(w.out, adler32.Checksum(b))
}

// bitWriter writes the bits of a DEFLATE stream, least significant first.
type bitWriter struct {
	out  []byte
	acc  uint64
	nacc uint
	// The fixed codes of the literal/length symbols, bit-reversed.
	codes [286]uint16
	lens  [286]uint8
}

func (w *bitWriter) bits(v uint64, n uint) {
	w.acc |= v << w.nacc
	w.nacc += n
	for w.nacc >= 8 {
		w.out = append(w.out, byte(w.acc))
		w.acc >>= 8
		w.nacc -= 8
	}
}

func (w *bitWriter) flush() {
	if w.nacc > 0 {
		w.out = append(w.out, byte(w.acc))
	}
	w.acc, w.nacc = 0, 0
}

// huffman writes a Huffman code, which DEFLATE packs from its most
// significant bit.
func (w *bitWriter) huffman(code uint64, n uint) {
	w.bits(bits.Reverse64(code)>>(64-n), n)
}

// fixedCode returns the fixed Huffman code of a literal/length symbol
// (0..285) and its length.
func fixedCode(s int) (uint16, uint) {
	switch {
	case s < 144:
		return uint16(0x30 + s), 8
	case s < 256:
		return uint16(0x190 + s - 144), 9
	case s < 280:
		return uint16(s - 256), 7
	}
	return uint16(0xc0 + s - 280), 8
}

// literal writes a literal/length symbol (0..285).
func (w *bitWriter) literal(s int) {
	w.bits(uint64(w.codes[s]), uint(w.lens[s]))
}

// match writes a length (3..258) and a distance (1..32768).
func (w *bitWriter) match(length, dist int) {
	switch x := length - 3; {
	case x < 8:
		w.literal(257 + x)
	case x == 255:
		w.literal(285)
	default:
		k := bits.Len(uint(x)) - 1 // x >= 8: k >= 3
		w.literal(257 + 4*(k-1) + (x>>(k-2))&3)
		w.bits(uint64(x&(1<<(k-2)-1)), uint(k-2))
	}
	d := dist - 1
	if d < 4 {
		w.huffman(uint64(d), 5)
		return
	}
	k := bits.Len(uint(d)) - 1 // d >= 4: k >= 2
	w.huffman(uint64(2*k+(d>>(k-1))&1), 5)
	w.bits(uint64(d&(1<<(k-1)-1)), uint(k-1))
}
