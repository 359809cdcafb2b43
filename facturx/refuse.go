package facturx

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// The input checks: what a PDF may hold that PDF/A-3B forbids and that
// cannot be repaired without changing what the document shows or does.
// Each is a *PDFAError with the veraPDF rule number of ISO 19005-3 and the
// place in the input. Object-level checks (stream filters, image and
// XObject entries, actions anywhere) run while the output is written
// (pdfaWriter.checkDict); what needs the page structure runs here, before.
//
// A few things are repaired instead, as they change nothing a reader sees:
// /CIDSet is dropped from font descriptors, image /Interpolate becomes
// false, an annotation without flags gets Print, appearance dictionaries
// lose their rollover and down appearances.

// pdfaChecker walks the document for check.
type pdfaChecker struct {
	d      *srcDoc
	intent int // colour components of the output intent: 1, 3 or 4
	// seen forms, fonts and graphics states, by object number
	forms, fonts, states map[int]bool
	// form fields and chained actions seen, by object number
	visited map[int]bool
}

// seen reports whether the indirect object o was seen before by seen; a
// direct object is never seen.
func (c *pdfaChecker) seen(o types.Object) bool {
	nr := refNr(o)
	if nr == 0 {
		return false
	}
	if c.visited[nr] {
		return true
	}
	c.visited[nr] = true
	return false
}

// pdfaErr returns a refusal.
func pdfaErr(rule, where, format string, args ...any) *PDFAError {
	return &PDFAError{Rule: rule, Where: where, Msg: fmt.Sprintf(format, args...)}
}

// check returns the first reason why the document cannot become a
// PDF/A-3B with an output intent of intent colour components, or nil. It
// repairs what can be repaired.
func (d *srcDoc) check(intent int) error {
	c := &pdfaChecker{d: d, intent: intent, forms: map[int]bool{}, fonts: map[int]bool{}, states: map[int]bool{}, visited: map[int]bool{}}
	if err := c.catalog(); err != nil {
		return err
	}
	var err error
	d.eachPage(func(n int, page, res types.Dict) {
		if err == nil {
			err = c.page(n, page, res)
		}
	})
	return err
}

func (c *pdfaChecker) catalog() error {
	d, cat := c.d, c.d.catalog
	if cat["AA"] != nil {
		return pdfaErr("6.5.2-1", "catalog", "additional actions (/AA)")
	}
	if names := d.dict(cat["Names"]); names != nil {
		if names["JavaScript"] != nil {
			return pdfaErr("6.5.1-1", "catalog /Names", "a JavaScript name tree")
		}
		if names["AlternatePresentations"] != nil {
			return pdfaErr("6.10-1", "catalog /Names", "alternate presentations")
		}
	}
	if d.bool(cat["NeedsRendering"]) {
		return pdfaErr("6.4.2-2", "catalog", "/NeedsRendering is true (an XFA form)")
	}
	if cat["Requirements"] != nil {
		return pdfaErr("6.11-1", "catalog", "/Requirements")
	}
	for k := range d.dict(cat["Perms"]) {
		if k != "UR3" && k != "DocMDP" {
			return pdfaErr("6.1.12-1", "catalog /Perms", "permission /%s", k)
		}
	}
	if af := d.dict(cat["AcroForm"]); af != nil {
		if af["XFA"] != nil {
			return pdfaErr("6.4.2-1", "catalog /AcroForm", "an XFA form")
		}
		if d.bool(af["NeedAppearances"]) {
			return pdfaErr("6.4.1-3", "catalog /AcroForm", "/NeedAppearances is true: the form fields have no appearance")
		}
		if err := c.fields(af["Fields"], 0); err != nil {
			return err
		}
	}
	if oa := d.dict(cat["OpenAction"]); oa != nil {
		if err := c.action(oa, "catalog /OpenAction", 0); err != nil {
			return err
		}
	}
	if ol := d.dict(cat["Outlines"]); ol != nil {
		if err := c.outlines(ol["First"], 0, map[int]bool{}); err != nil {
			return err
		}
	}
	return nil
}

// fields checks the form fields: no additional actions.
func (c *pdfaChecker) fields(fields types.Object, depth int) error {
	if depth > 32 {
		return nil
	}
	for _, f := range c.d.array(fields) {
		fd := c.d.dict(f)
		if fd == nil || c.seen(f) {
			continue
		}
		if fd["AA"] != nil {
			return pdfaErr("6.4.1-2", "form field "+strconv.Quote(c.d.text(fd["T"])), "additional actions (/AA)")
		}
		if err := c.fields(fd["Kids"], depth+1); err != nil {
			return err
		}
	}
	return nil
}

// outlines checks the actions of the outline items.
func (c *pdfaChecker) outlines(item types.Object, depth int, seen map[int]bool) error {
	for n := 0; n < 100000 && depth < 32; n++ {
		nr := refNr(item)
		it := c.d.dict(item)
		if it == nil || nr != 0 && seen[nr] {
			return nil
		}
		seen[nr] = true
		if a := c.d.dict(it["A"]); a != nil {
			if err := c.action(a, "outline item "+strconv.Quote(c.d.text(it["Title"])), 0); err != nil {
				return err
			}
		}
		if err := c.outlines(it["First"], depth+1, seen); err != nil {
			return err
		}
		item = it["Next"]
	}
	return nil
}

// action checks an action and the actions it chains to.
func (c *pdfaChecker) action(a types.Dict, where string, depth int) error {
	if depth > 32 {
		return nil
	}
	if r := pdfaActionError(c.d.name(a["S"]), c.d.name(a["N"])); r != nil {
		return pdfaErr(r.rule, where, "%s", r.msg)
	}
	if c.seen(a["Next"]) {
		return nil // checked already: a chain that loops, or shared
	}
	switch nx := c.d.deref(a["Next"]).(type) {
	case types.Dict:
		return c.action(nx, where, depth+1)
	case types.Array:
		for _, x := range nx {
			if xd := c.d.dict(x); xd != nil && !c.seen(x) {
				if err := c.action(xd, where, depth+1); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// pdfaAnnotTypes are the annotation types PDF/A-3 allows (6.3.1).
var pdfaAnnotTypes = []string{"Text", "Link", "FreeText", "Line", "Square", "Circle", "Polygon", "PolyLine",
	"Highlight", "Underline", "Squiggly", "StrikeOut", "Stamp", "Caret", "Ink", "Popup", "FileAttachment",
	"Widget", "PrinterMark", "TrapNet", "Watermark", "Redact"}

func (c *pdfaChecker) page(n int, page, res types.Dict) error {
	d := c.d
	where := fmt.Sprintf("page %d", n)
	if page["AA"] != nil {
		return pdfaErr("6.5.2-2", where, "additional actions (/AA)")
	}
	if page["PresSteps"] != nil {
		return pdfaErr("6.10-2", where, "presentation steps (/PresSteps)")
	}
	if g := d.dict(page["Group"]); g != nil && g["CS"] != nil {
		if err := c.colourSpace(g["CS"], res, where+", transparency group", 0); err != nil {
			return err
		}
	}
	var content []byte
	switch cs := d.deref(page["Contents"]).(type) {
	case types.StreamDict:
		b, err := c.decode(cs, where)
		if err != nil {
			return err
		}
		content = b
	case types.Array:
		for _, s := range cs {
			sd := d.stream(s)
			if sd == nil {
				continue
			}
			b, err := c.decode(*sd, where)
			if err != nil {
				return err
			}
			content = append(append(content, b...), '\n')
		}
	}
	if err := c.content(content, res, where, &csTextState{}, 0); err != nil {
		return err
	}
	for i, a := range d.array(page["Annots"]) {
		if err := c.annot(d.dict(a), fmt.Sprintf("%s, annotation %d", where, i+1)); err != nil {
			return err
		}
	}
	return nil
}

// annot checks an annotation, and repairs its flags and appearance
// dictionary when it can.
func (c *pdfaChecker) annot(a types.Dict, where string) error {
	if a == nil {
		return nil
	}
	d := c.d
	sub := d.name(a["Subtype"])
	where += " (" + sub + ")"
	if !slices.Contains(pdfaAnnotTypes, sub) {
		return pdfaErr("6.3.1-1", where, "annotation type %s", sub)
	}
	if sub != "Popup" {
		f, ok := d.number(a["F"])
		flags := int(f)
		switch {
		case !ok:
			a["F"] = types.Integer(4) // Print
		case flags&(1|2|32|256) != 0:
			return pdfaErr("6.3.2-2", where, "the annotation is hidden, invisible or not viewable (flags %d)", flags)
		case flags&4 == 0:
			a["F"] = types.Integer(flags | 4)
		}
	}
	ap := d.dict(a["AP"])
	if ap == nil {
		rect := d.array(a["Rect"])
		zero := len(rect) == 4
		if zero {
			x0, _ := d.number(rect[0])
			y0, _ := d.number(rect[1])
			x1, _ := d.number(rect[2])
			y1, _ := d.number(rect[3])
			zero = x0 == x1 && y0 == y1
		}
		if !zero && sub != "Popup" && sub != "Link" {
			return pdfaErr("6.3.3-1", where, "the annotation has no appearance stream")
		}
	} else {
		delete(ap, "D")
		delete(ap, "R")
		var streams []types.Object
		switch n := d.deref(ap["N"]).(type) {
		case types.StreamDict:
			streams = append(streams, ap["N"])
		case types.Dict:
			for _, k := range dictKeysSorted(n) {
				streams = append(streams, n[k])
			}
		}
		for _, s := range streams {
			if err := c.form(s, nil, where+" appearance", &csTextState{}, 1); err != nil {
				return err
			}
		}
	}
	if sub == "Widget" && (a["A"] != nil || a["AA"] != nil) {
		return pdfaErr("6.4.1-1", where, "a form field widget with actions (/A or /AA)")
	}
	if act := d.dict(a["A"]); act != nil {
		return c.action(act, where, 0)
	}
	return nil
}

func dictKeysSorted(d types.Dict) []string {
	keys := make([]string, 0, len(d))
	for k := range d {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// decode returns the decoded data of a content stream.
func (c *pdfaChecker) decode(sd types.StreamDict, where string) ([]byte, error) {
	sd.Content = nil
	b, err := sd.DecodeLengthWithLimit(-1, c.d.xt.Conf.Limits.MaxDecodeBytes)
	if err != nil {
		return nil, pdfaErr("6.2.2-1", where, "the content stream cannot be decoded: %v", err)
	}
	return b, nil
}

// csTextState is what of the graphics state the checks follow.
type csTextState struct {
	font     types.Object // the font dictionary (or reference) set by Tf
	fontName string
	mode     int // text rendering mode
}

// form checks a form XObject (or an appearance stream or a tiling
// pattern) drawn with the resources res of its parent.
func (c *pdfaChecker) form(o types.Object, res types.Dict, where string, ts *csTextState, depth int) error {
	nr := refNr(o)
	if nr != 0 {
		if c.forms[nr] {
			return nil
		}
		c.forms[nr] = true
	}
	sd := c.d.stream(o)
	if sd == nil || depth > 30 {
		return nil
	}
	if r := c.d.dict(sd.Dict["Resources"]); r != nil {
		res = r
	}
	if g := c.d.dict(sd.Dict["Group"]); g != nil && g["CS"] != nil {
		if err := c.colourSpace(g["CS"], res, where+", transparency group", 0); err != nil {
			return err
		}
	}
	b, err := c.decode(*sd, where)
	if err != nil {
		return err
	}
	state := *ts
	return c.content(b, res, where, &state, depth)
}

// resource returns the entry name of the resource category cat.
func (c *pdfaChecker) resource(res types.Dict, cat, name string) types.Object {
	return c.d.dict(res[cat])[name]
}

// csKnownOperator reports whether op is a content stream operator of
// ISO 32000-1 (6.2.2).
func csKnownOperator(op string) bool {
	switch op {
	case "b", "B", "b*", "B*", "BDC", "BI", "BMC", "BT", "BX", "c", "cm", "CS", "cs",
		"d", "d0", "d1", "Do", "DP", "EI", "EMC", "ET", "EX", "f", "F", "f*", "G", "g", "gs", "h", "i", "ID",
		"j", "J", "K", "k", "l", "m", "M", "MP", "n", "q", "Q", "re", "RG", "rg", "ri", "s", "S", "SC", "sc",
		"SCN", "scn", "sh", "T*", "Tc", "Td", "TD", "Tf", "Tj", "TJ", "TL", "Tm", "Tr", "Ts", "Tw", "Tz", "v",
		"w", "W", "W*", "y", "'", "\"":
		return true
	}
	return false
}

// pdfaIntents are the rendering intents PDF/A allows (6.2.6).
var pdfaIntents = []string{"RelativeColorimetric", "AbsoluteColorimetric", "Perceptual", "Saturation"}

// content checks a content stream: fonts used for rendering are embedded,
// device colour spaces fit the output intent, operators are known; and
// what it draws: forms, images, shadings, graphics states.
func (c *pdfaChecker) content(b []byte, res types.Dict, where string, ts *csTextState, depth int) error {
	lx := csLexer{b: b}
	var ops []csToken // the operands of the next operator
	var stack []csTextState
	compat := 0
	for {
		t := lx.next()
		switch t.kind {
		case csEOF:
			return nil
		case csError:
			return pdfaErr("6.2.2-1", where, "the content stream cannot be parsed at byte %d", lx.i)
		case csOperator:
		default:
			ops = append(ops, t)
			continue
		}
		op := string(t.val)
		arg := func(i int) csToken { // operand i from the end
			if i < len(ops) {
				return ops[len(ops)-1-i]
			}
			return csToken{}
		}
		switch op {
		case "q":
			stack = append(stack, *ts)
		case "Q":
			if len(stack) > 0 {
				*ts = stack[len(stack)-1]
				stack = stack[:len(stack)-1]
			}
		case "BX":
			compat++
		case "EX":
			compat = max(0, compat-1)
		case "Tf":
			if t := arg(1); t.kind == csName {
				ts.fontName = t.name()
				ts.font = c.resource(res, "Font", ts.fontName)
				if ts.font == nil {
					return pdfaErr("6.2.11.4.1-1", where+", font "+ts.fontName, "the font resource is missing")
				}
			}
		case "Tr":
			if t := arg(0); t.kind == csNumber {
				ts.mode, _ = strconv.Atoi(string(t.val))
			}
		case "Tj", "TJ", "'", "\"":
			if ts.font != nil && ts.mode != 3 {
				if err := c.font(ts.font, ts.fontName, where); err != nil {
					return err
				}
			}
		case "rg", "RG":
			if err := c.device("RGB", res, where); err != nil {
				return err
			}
		case "k", "K":
			if err := c.device("CMYK", res, where); err != nil {
				return err
			}
		case "cs", "CS":
			if t := arg(0); t.kind == csName {
				if err := c.colourSpace(types.Name(t.name()), res, where, 0); err != nil {
					return err
				}
			}
		case "ri":
			if t := arg(0); t.kind == csName && !slices.Contains(pdfaIntents, t.name()) {
				return pdfaErr("6.2.6-1", where, "rendering intent %s", t.name())
			}
		case "gs":
			if t := arg(0); t.kind == csName {
				if err := c.extGState(c.resource(res, "ExtGState", t.name()), where+", graphics state "+t.name()); err != nil {
					return err
				}
			}
		case "sh":
			if t := arg(0); t.kind == csName {
				if sh := c.d.dict(c.resource(res, "Shading", t.name())); sh != nil {
					if err := c.colourSpace(sh["ColorSpace"], res, where+", shading "+t.name(), 0); err != nil {
						return err
					}
				}
			}
		case "scn", "SCN":
			if t := arg(0); t.kind == csName {
				if err := c.pattern(c.resource(res, "Pattern", t.name()), res, where+", pattern "+t.name(), ts, depth); err != nil {
					return err
				}
			}
		case "Do":
			if t := arg(0); t.kind == csName {
				if err := c.xobject(c.resource(res, "XObject", t.name()), res, where, t.name(), ts, depth); err != nil {
					return err
				}
			}
		case "BI":
			if err := c.inlineImage(&lx, res, where); err != nil {
				return err
			}
		default:
			if !csKnownOperator(op) && compat == 0 {
				return pdfaErr("6.2.2-1", where, "undefined operator %q in the content stream", op)
			}
		}
		ops = ops[:0]
	}
}

// font checks that a font used for rendering is embedded.
func (c *pdfaChecker) font(f types.Object, name, where string) error {
	nr := refNr(f)
	if nr != 0 && c.fonts[nr] {
		return nil
	}
	fd := c.d.dict(f)
	if fd == nil {
		return nil
	}
	sub := c.d.name(fd["Subtype"])
	desc := fd["FontDescriptor"]
	if sub == "Type0" {
		if df := c.d.array(fd["DescendantFonts"]); len(df) > 0 {
			desc = c.d.dict(df[0])["FontDescriptor"]
		}
	}
	if sub != "Type3" {
		fdesc := c.d.dict(desc)
		if fdesc["FontFile"] == nil && fdesc["FontFile2"] == nil && fdesc["FontFile3"] == nil {
			return pdfaErr("6.2.11.4.1-1", fmt.Sprintf("%s, font %s (%s)", where, name, c.d.name(fd["BaseFont"])),
				"the font is not embedded")
		}
	}
	if nr != 0 {
		c.fonts[nr] = true
	}
	return nil
}

// device checks a use of the device colour space DeviceRGB, DeviceCMYK
// or DeviceGray (fam RGB, CMYK, Gray) against the output intent.
func (c *pdfaChecker) device(fam string, res types.Dict, where string) error {
	if c.d.dict(res["ColorSpace"])["Default"+fam] != nil {
		return nil
	}
	switch {
	case fam == "RGB" && c.intent != 3:
		return pdfaErr("6.2.4.3-2", where, "DeviceRGB colour without an RGB output intent")
	case fam == "CMYK" && c.intent != 4:
		return pdfaErr("6.2.4.3-3", where, "DeviceCMYK colour without a CMYK output intent: convert the PDF to RGB")
	}
	return nil
}

// colourSpace checks a colour space, a name or an array, for device
// colour spaces, through resources, Indexed bases and alternates.
func (c *pdfaChecker) colourSpace(cs types.Object, res types.Dict, where string, depth int) error {
	if depth > 10 {
		return nil
	}
	switch v := c.d.deref(cs).(type) {
	case types.Name:
		switch v {
		case "DeviceRGB", "RGB":
			return c.device("RGB", res, where)
		case "DeviceCMYK", "CMYK":
			return c.device("CMYK", res, where)
		case "DeviceGray", "G", "Pattern":
			return nil
		}
		if r := c.resource(res, "ColorSpace", string(v)); r != nil {
			return c.colourSpace(r, res, where, depth+1)
		}
	case types.Array:
		if len(v) == 0 {
			return nil
		}
		switch c.d.name(v[0]) {
		case "Indexed", "I", "Pattern":
			if len(v) > 1 {
				return c.colourSpace(v[1], res, where, depth+1)
			}
		case "Separation", "DeviceN":
			if len(v) > 2 {
				return c.colourSpace(v[2], res, where, depth+1)
			}
		case "DeviceRGB", "DeviceCMYK", "DeviceGray":
			return c.colourSpace(v[0], res, where, depth+1)
		}
	}
	return nil
}

// pdfaBlendModes are the blend modes of ISO 32000-1 (6.2.10).
var pdfaBlendModes = []string{"Normal", "Compatible", "Multiply", "Screen", "Overlay", "Darken", "Lighten",
	"ColorDodge", "ColorBurn", "HardLight", "SoftLight", "Difference", "Exclusion", "Hue", "Saturation",
	"Color", "Luminosity"}

// extGState checks a graphics state parameter dictionary (6.2.5).
func (c *pdfaChecker) extGState(o types.Object, where string) error {
	nr := refNr(o)
	if nr != 0 && c.states[nr] {
		return nil
	}
	gs := c.d.dict(o)
	if gs == nil {
		return nil
	}
	if gs["TR"] != nil {
		return pdfaErr("6.2.5-1", where, "a transfer function (/TR)")
	}
	if tr2 := gs["TR2"]; tr2 != nil && c.d.name(tr2) != "Default" {
		return pdfaErr("6.2.5-2", where, "a transfer function (/TR2)")
	}
	if gs["HTP"] != nil {
		return pdfaErr("6.2.5-3", where, "a halftone phase (/HTP)")
	}
	if ht := c.d.dict(gs["HT"]); ht != nil {
		if t, _ := c.d.number(ht["HalftoneType"]); t != 1 && t != 5 {
			return pdfaErr("6.2.5-4", where, "halftone type %v", t)
		}
		if ht["HalftoneName"] != nil {
			return pdfaErr("6.2.5-5", where, "a halftone name")
		}
	}
	bms := []types.Object{gs["BM"]}
	if a := c.d.array(gs["BM"]); a != nil {
		bms = a
	}
	for _, bm := range bms {
		if n := c.d.name(bm); bm != nil && !slices.Contains(pdfaBlendModes, n) {
			return pdfaErr("6.2.10-1", where, "blend mode %s", n)
		}
	}
	if ri := gs["RI"]; ri != nil && !slices.Contains(pdfaIntents, c.d.name(ri)) {
		return pdfaErr("6.2.6-1", where, "rendering intent %s", c.d.name(ri))
	}
	if nr != 0 {
		c.states[nr] = true
	}
	return nil
}

// pattern checks a pattern: the colour space of a shading pattern, the
// content of a tiling one.
func (c *pdfaChecker) pattern(o types.Object, res types.Dict, where string, ts *csTextState, depth int) error {
	p := c.d.dict(o)
	if p == nil {
		return nil
	}
	if sh := c.d.dict(p["Shading"]); sh != nil {
		return c.colourSpace(sh["ColorSpace"], res, where, 0)
	}
	return c.form(o, res, where, ts, depth+1)
}

// xobject checks the XObject name drawn by Do.
func (c *pdfaChecker) xobject(o types.Object, res types.Dict, where, name string, ts *csTextState, depth int) error {
	x := c.d.dict(o)
	if x == nil {
		return nil
	}
	switch c.d.name(x["Subtype"]) {
	case "Image":
		if !c.d.bool(x["ImageMask"]) && x["ColorSpace"] != nil {
			return c.colourSpace(x["ColorSpace"], res, where+", image "+name, 0)
		}
	case "Form":
		return c.form(o, res, where+", form "+name, ts, depth+1)
	}
	return nil
}

// pdfaInlineFilters are the filters an inline image may use (6.1.10).
var pdfaInlineFilters = []string{"ASCIIHexDecode", "ASCII85Decode", "FlateDecode", "RunLengthDecode",
	"CCITTFaxDecode", "DCTDecode", "AHx", "A85", "Fl", "RL", "CCF", "DCT"}

// inlineImage reads an inline image from BI to EI and checks its colour
// space, filters and interpolation.
func (c *pdfaChecker) inlineImage(lx *csLexer, res types.Dict, where string) error {
	where += ", inline image"
	var key string
	var mask bool
	var cs []csToken
	length := -1
	for {
		t := lx.csToken()
		switch t.kind {
		case csEOF, csError:
			return pdfaErr("6.2.2-1", where, "the inline image is not terminated")
		case csOperator:
			if string(t.val) != "ID" {
				return pdfaErr("6.2.2-1", where, "unexpected %q in the inline image dictionary", t.val)
			}
			if !mask {
				for _, n := range cs {
					if n.kind != csName {
						continue
					}
					if err := c.colourSpace(types.Name(n.name()), res, where, 0); err != nil {
						return err
					}
				}
			}
			return lx.skipImageData(length)
		case csName:
			if key == "" {
				key = t.name()
				continue
			}
		case csArrayOpen:
			vals := lx.array()
			switch key {
			case "CS", "ColorSpace":
				cs = vals
			case "F", "Filter":
				for _, f := range vals {
					if f.kind == csName && !slices.Contains(pdfaInlineFilters, f.name()) {
						return pdfaErr("6.1.10-1", where, "filter %s", f.name())
					}
				}
			}
			key = ""
			continue
		}
		switch key {
		case "CS", "ColorSpace":
			cs = []csToken{t}
		case "IM", "ImageMask":
			mask = string(t.val) == "true"
		case "I", "Interpolate":
			if string(t.val) == "true" {
				return pdfaErr("6.2.8-3", where, "/Interpolate is true")
			}
		case "F", "Filter":
			if t.kind == csName && !slices.Contains(pdfaInlineFilters, t.name()) {
				return pdfaErr("6.1.10-1", where, "filter %s", t.name())
			}
		case "L", "Length":
			length, _ = strconv.Atoi(string(t.val))
		}
		key = ""
	}
}

// The content stream lexer.

type csTokKind int

const (
	csEOF csTokKind = iota
	csError
	csNumber
	csName
	csString
	csArrayOpen
	csArrayClose
	csDict
	csOperator // an operator or true, false, null
	csOther
)

type csToken struct {
	kind csTokKind
	val  []byte
}

// name returns a name token's name, without the slash, #xx decoded.
func (t csToken) name() string {
	s := string(t.val)
	if len(s) > 0 && s[0] == '/' {
		s = s[1:]
	}
	if d, err := types.DecodeName(s); err == nil {
		return d
	}
	return s
}

// csLexer reads the tokens of a content stream.
type csLexer struct {
	b []byte
	i int // the offset of the next token
}

func csSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func csDelim(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

// next returns the next token; an array is returned whole, as one token of
// kind csOther (its content does not matter to the checks).
func (lx *csLexer) next() csToken {
	t := lx.csToken()
	if t.kind == csArrayOpen {
		lx.array()
		return csToken{kind: csOther}
	}
	return t
}

// array reads the rest of an array and returns its top-level tokens.
func (lx *csLexer) array() []csToken {
	var out []csToken
	for depth := 1; depth > 0; {
		t := lx.csToken()
		switch t.kind {
		case csEOF, csError:
			return out
		case csArrayOpen:
			depth++
		case csArrayClose:
			depth--
		default:
			if depth == 1 {
				out = append(out, t)
			}
		}
	}
	return out
}

// csToken returns the next token, arrays open and close included.
func (lx *csLexer) csToken() csToken {
	b := lx.b
	for lx.i < len(b) {
		c := b[lx.i]
		if csSpace(c) {
			lx.i++
			continue
		}
		if c == '%' {
			for lx.i < len(b) && b[lx.i] != '\n' && b[lx.i] != '\r' {
				lx.i++
			}
			continue
		}
		break
	}
	if lx.i >= len(b) {
		return csToken{kind: csEOF}
	}
	start := lx.i
	c := b[lx.i]
	switch {
	case c == '/':
		lx.i++
		for lx.i < len(b) && !csSpace(b[lx.i]) && !csDelim(b[lx.i]) {
			lx.i++
		}
		return csToken{csName, b[start:lx.i]}
	case c == '(':
		depth := 0
		for lx.i < len(b) {
			switch b[lx.i] {
			case '\\':
				lx.i++
			case '(':
				depth++
			case ')':
				depth--
				if depth == 0 {
					lx.i++
					return csToken{csString, b[start:lx.i]}
				}
			}
			lx.i++
		}
		return csToken{kind: csError}
	case c == '<' && lx.i+1 < len(b) && b[lx.i+1] == '<':
		// A dictionary (a BDC or DP operand): read it whole.
		depth := 0
		for lx.i+1 < len(b) {
			switch {
			case b[lx.i] == '<' && b[lx.i+1] == '<':
				depth++
				lx.i += 2
			case b[lx.i] == '>' && b[lx.i+1] == '>':
				depth--
				lx.i += 2
				if depth == 0 {
					return csToken{csDict, b[start:lx.i]}
				}
			case b[lx.i] == '(':
				if t := lx.csToken(); t.kind == csError {
					return t
				}
			default:
				lx.i++
			}
		}
		return csToken{kind: csError}
	case c == '<':
		end := bytes.IndexByte(b[lx.i:], '>')
		if end < 0 {
			return csToken{kind: csError}
		}
		lx.i += end + 1
		return csToken{csString, b[start:lx.i]}
	case c == '[':
		lx.i++
		return csToken{kind: csArrayOpen}
	case c == ']':
		lx.i++
		return csToken{kind: csArrayClose}
	case c == '+' || c == '-' || c == '.' || c >= '0' && c <= '9':
		lx.i++
		for lx.i < len(b) && (b[lx.i] == '.' || b[lx.i] >= '0' && b[lx.i] <= '9') {
			lx.i++
		}
		return csToken{csNumber, b[start:lx.i]}
	case csDelim(c):
		// ')', '>', '{', '}' alone: not PDF content.
		lx.i++
		return csToken{csOther, b[start:lx.i]}
	}
	for lx.i < len(b) && !csSpace(b[lx.i]) && !csDelim(b[lx.i]) {
		lx.i++
	}
	w := b[start:lx.i]
	switch string(w) {
	case "true", "false", "null":
		return csToken{csOther, w}
	}
	return csToken{csOperator, w}
}

// skipImageData skips the data of an inline image after ID, and its EI.
func (lx *csLexer) skipImageData(length int) error {
	b := lx.b
	if lx.i < len(b) && csSpace(b[lx.i]) {
		lx.i++
	}
	if length >= 0 && lx.i+length <= len(b) {
		j := lx.i + length
		for j < len(b) && csSpace(b[j]) {
			j++
		}
		if bytes.HasPrefix(b[j:], []byte("EI")) && (j+2 == len(b) || csSpace(b[j+2]) || csDelim(b[j+2])) {
			lx.i = j + 2
			return nil
		}
	}
	// EI between white space, the usual heuristic.
	for j := lx.i; j+1 < len(b); j++ {
		if b[j] == 'E' && b[j+1] == 'I' && j > lx.i && csSpace(b[j-1]) && (j+2 == len(b) || csSpace(b[j+2])) {
			lx.i = j + 2
			return nil
		}
	}
	return &PDFAError{Rule: "6.2.2-1", Where: "inline image", Msg: "no EI after the image data"}
}
