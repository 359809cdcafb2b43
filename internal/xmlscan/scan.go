// Package xmlscan is the XML reading machinery that the CII and UBL
// decoders share: a small, strict, namespace-aware XML scanner of its own
// (encoding/xml costs several times more), and a declarative tree of Node
// that maps the elements of a document to what a decoder makes of them.
//
// A decoder describes its format as a tree: one Node per element it reads,
// under its parent, matched by namespace and local name in any order. A
// group node may open a context when it starts and finish it when it ends;
// a leaf node receives its text and the attributes it asked for. An element
// that is not in the tree under its parent is skipped with its subtree and
// listed as ignored, with its path and line; in strict mode the first such
// entry is the error.
//
// Errors locate their element: a *einvoice.DecodeError with the line, the
// column, the element path (canonical prefixes, 1-based indexes for
// repeated siblings) and the business terms of the node. Input that is not
// XML, or whose root element is not one of the format's, is an error
// wrapping the format's sentinel. Nesting is limited to MaxDepth elements,
// and the cost of a document is linear in its size.
package xmlscan

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/einvoice-go/einvoice"
	"github.com/einvoice-go/einvoice/internal/decslab"
)

// ReadAll is io.ReadAll with a first buffer of the input's size when the
// reader tells it (bytes.Reader, strings.Reader, bytes.Buffer, os.File).
func ReadAll(r io.Reader) ([]byte, error) {
	size := 0
	switch v := r.(type) {
	case interface{ Len() int }:
		size = v.Len()
	case interface{ Stat() (fs.FileInfo, error) }:
		if fi, err := v.Stat(); err == nil && fi.Mode().IsRegular() && fi.Size() < 1<<30 {
			size = int(fi.Size())
		}
	}
	if size <= 0 {
		return io.ReadAll(r)
	}
	b := make([]byte, 0, size+1)
	for {
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF {
			return b, nil
		}
		if err != nil {
			return b, err
		}
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
	}
}

// NS identifies a namespace of a format: NSOther for any namespace the
// format does not know, n for Config.Namespaces[n-1].
type NS uint8

// NSOther is a namespace the format does not know.
const NSOther NS = 0

// Namespace is a namespace of a format, with the prefix that element paths
// use for it whatever the document's prefixes ("" for none: the root
// element's namespace, say).
type Namespace struct {
	URI    string
	Prefix string
}

// Config describes a format to the scanner.
type Config[S any] struct {
	// Format is the format's name in errors: "cii", "ubl".
	Format string
	// ErrFormat is wrapped by the errors for input that is not of the
	// format: not XML, another root element.
	ErrFormat error
	// Namespaces are the namespaces of the format; NS n is Namespaces[n-1].
	// They are few, and looked up in order.
	Namespaces []Namespace
	// Roots are the trees of the root elements the format accepts.
	Roots []*Node[S]
}

// nsOf returns the namespace of uri.
func (c *Config[S]) nsOf(uri []byte) NS {
	for i := range c.Namespaces {
		if string(uri) == c.Namespaces[i].URI {
			return NS(i + 1)
		}
	}
	return NSOther
}

// QName returns the path step of an element of a known namespace:
// prefix:local, or local for the namespace without prefix.
func (c *Config[S]) QName(ns NS, local string) string {
	if p := c.Namespaces[ns-1].Prefix; p != "" {
		return p + ":" + local
	}
	return local
}

// MaxDepth is the deepest nesting of elements a document may have.
const MaxDepth = 100

// Scanner reads one document. The input is read whole; a single pass over
// it tokenizes the XML and dispatches each element through the tree of
// Node that describes the mapping. S is the decoder's own state, which the
// nodes' functions receive; it usually embeds the Scanner.
type Scanner[S any] struct {
	// User is handed to the functions of the nodes.
	User S
	// Strict makes the first ignored element, in document order, the
	// error of Run.
	Strict bool

	cfg  *Config[S]
	data []byte
	pos  int
	// decs makes the numbers of the document, a chunk at a time (see
	// Number).
	decs decslab.Slab

	// Namespace bindings in scope: a stack, and for each prefix the index
	// of its innermost binding (each binding remembers the one it hides).
	binds     []binding
	prefixTop map[string]int32
	// A cache of prefix lookups, emptied when a binding comes or goes.
	pcache [4]prefixCache
	pcn    int

	stack  []Frame[S]
	counts []counter   // child counters of the open known elements, by Node.idx
	attrs  []attribute // the attributes of the start tag being read

	// The text of the open leaf element: a view of the input while it is
	// one plain segment (tmode 1), decoded into tbuf otherwise (tmode 2).
	tmode int8
	tview []byte
	tbuf  []byte

	// Line cursor: lcLine is the line of offset lcOff.
	lcOff, lcLine int

	// tagName is the name of the start tag being read, for errors.
	tagName []byte

	// err is the first error found after the root element started. After
	// it the rest of the document is only scanned (tail), to learn which
	// elements of the error's path have siblings of the same name.
	err  *scanErr
	tail bool

	igs      []ignoredEntry
	unsorted bool

	interned map[string]string // see intern
}

type prefixCache struct {
	prefix string
	ns     NS
	uri    string
}

type binding struct {
	prefix string
	uri    string
	ns     NS
	prev   int32 // the binding of the same prefix it hides, -1 for none
}

type attribute struct {
	name    []byte
	colon   int // index of the colon in name, -1 for none
	val     []byte
	off     int
	special bool // holds references or line breaks to normalize
}

// counter counts the children of one name of an open element.
type counter struct {
	n int32
	// rep, once asked for by a path of the first such child, is set when
	// a second one appears: the first then shows its index [1].
	rep *bool
}

// Frame is an open element.
type Frame[S any] struct {
	// Attr holds the values of the attributes the node asked for
	// (Node.WithAttrs), in its order; "" for an absent one.
	Attr [3]string

	node  *Node[S] // nil for an element that is not in the mapping
	skip  bool     // this element and its subtree are not read
	noted bool     // its text content was reported
	qname []byte
	local []byte
	ns    NS
	uri   string
	start int // offset of '<'
	// index among the preceding siblings of the same name, from 1
	index     int32
	nsMark    int32
	countBase int32
	slot      int32    // index of the counter in counts, or -1
	uslot     *counter // the counter of an unknown element
	unknown   map[string]*counter
	ctx       any
}

// seg is one step of an element path.
type seg struct {
	name  string
	index int32
	rep   *bool
}

// Loc is the location of an element, its path resolved when it is
// reported.
type Loc struct {
	segs []seg
	off  int
}

// Path returns the element's path, with 1-based indexes for the elements
// that have siblings of the same name: /Invoice/cac:InvoiceLine[2]/cbc:ID.
// An index is known to be needed for a first element only once its parent
// is read, so call Path at the end.
func (l *Loc) Path() string {
	var b strings.Builder
	for _, s := range l.segs {
		b.WriteByte('/')
		b.WriteString(s.name)
		if s.index > 1 || s.index == 1 && s.rep != nil && *s.rep {
			b.WriteByte('[')
			b.WriteString(strconv.Itoa(int(s.index)))
			b.WriteByte(']')
		}
	}
	return b.String()
}

// Ignored is an element whose content the decoder did not carry.
type Ignored struct {
	// Path is the element's path.
	Path string
	// Line is the element's line in the input.
	Line int
	// Reason says why it was not carried.
	Reason string
}

type ignoredEntry struct {
	loc    *Loc
	terms  []string
	reason string
}

// scanErr is a decoding error: syntax errors stop the scan, the others let
// it go on as a tail.
type scanErr struct {
	loc    *Loc
	off    int
	terms  []string
	msg    string
	syntax bool
}

func (e *scanErr) Error() string { return e.msg }

// Run reads the document data of the format cfg. It returns the elements
// that were not carried, in document order; in strict mode the first of
// them is the error instead.
//
// Input that is not of the format is an error wrapping cfg.ErrFormat;
// malformed input, or an error of a node's function, is a
// *einvoice.DecodeError.
func (d *Scanner[S]) Run(cfg *Config[S], data []byte) ([]Ignored, error) {
	d.cfg = cfg
	d.data = data
	d.lcLine = 1
	d.prefixTop = make(map[string]int32, 8)
	// The xml prefix is bound by definition.
	d.prefixTop["xml"] = 0
	d.binds = append(d.binds, binding{prefix: "xml", uri: "http://www.w3.org/XML/1998/namespace", prev: -1})
	d.stack = make([]Frame[S], 0, 16)
	d.counts = make([]counter, 0, 128)
	if err := d.prolog(); err != nil {
		return nil, err
	}
	if err := d.body(); err != nil {
		return nil, err
	}
	if d.err != nil {
		return nil, d.decodeError(d.err)
	}
	if err := d.epilog(); err != nil {
		return nil, err
	}
	if len(d.igs) == 0 {
		return nil, nil
	}
	if d.unsorted {
		slices.SortStableFunc(d.igs, func(a, b ignoredEntry) int { return a.loc.off - b.loc.off })
	}
	if d.Strict {
		ig := &d.igs[0]
		return nil, d.decodeError(&scanErr{loc: ig.loc, off: ig.loc.off, terms: ig.terms, msg: ig.reason})
	}
	out := make([]Ignored, len(d.igs))
	for i, ig := range d.igs {
		out[i] = Ignored{Path: ig.loc.Path(), Line: d.lineAt(ig.loc.off), Reason: ig.reason}
	}
	return out, nil
}

// Rest returns the input from the current position on: in a node's open
// function, what follows the element's start tag.
func (d *Scanner[S]) Rest() []byte { return d.data[d.pos:] }

// Format returns the format's name.
func (d *Scanner[S]) Format() string { return d.cfg.Format }

func (d *Scanner[S]) decodeError(e *scanErr) error {
	var path string
	if e.loc != nil {
		path = e.loc.Path()
	}
	line, col := d.position(e.off)
	return &einvoice.DecodeError{Format: d.cfg.Format, Line: line, Column: col, Path: path, Terms: e.terms, Msg: e.msg}
}

// lineAt returns the line of offset off. Calls come in document order but
// for few exceptions, so moving a cursor keeps the cost linear.
func (d *Scanner[S]) lineAt(off int) int {
	if off > len(d.data) {
		off = len(d.data)
	}
	if off >= d.lcOff {
		d.lcLine += bytes.Count(d.data[d.lcOff:off], []byte{'\n'})
	} else {
		d.lcLine -= bytes.Count(d.data[off:d.lcOff], []byte{'\n'})
	}
	d.lcOff = off
	return d.lcLine
}

// position returns the line and column (in characters, from 1) of off.
func (d *Scanner[S]) position(off int) (line, col int) {
	line = d.lineAt(off)
	lineStart := bytes.LastIndexByte(d.data[:d.lcOff], '\n') + 1
	return line, utf8.RuneCount(d.data[lineStart:d.lcOff]) + 1
}

// formatError is input that is not of the format.
func (d *Scanner[S]) formatError(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{d.cfg.ErrFormat}, args...)...)
}

// syntaxError is malformed XML at off, inside the open elements.
func (d *Scanner[S]) syntaxError(off int, format string, args ...any) *scanErr {
	e := &scanErr{off: off, msg: fmt.Sprintf(format, args...), syntax: true}
	if n := len(d.stack); n > 0 {
		e.loc = d.capture(n-1, false)
		if f := &d.stack[n-1]; f.node != nil && !f.skip {
			e.terms = f.node.terms
		}
		if d.tagName != nil {
			// In a start tag: the element is not open yet.
			name, index, node := d.pendingStep(d.tagName)
			e.loc.segs = append(e.loc.segs, seg{name: name, index: index})
			e.terms = nil
			if node != nil {
				e.terms = node.terms
			}
		}
	}
	return e
}

// capture returns the location of the open element stack[i]. With track,
// each element of the path that is the first of its name asks its parent's
// counter to tell whether a sibling of the same name follows.
func (d *Scanner[S]) capture(i int, track bool) *Loc {
	l := &Loc{segs: make([]seg, i+1), off: d.stack[i].start}
	for k := 0; k <= i; k++ {
		f := &d.stack[k]
		s := &l.segs[k]
		s.name = d.segName(f)
		s.index = f.index
		if track && f.index == 1 {
			var c *counter
			if f.slot >= 0 {
				c = &d.counts[f.slot]
			} else {
				c = f.uslot
			}
			if c != nil {
				if c.rep == nil {
					c.rep = new(bool)
				}
				s.rep = c.rep
			}
		}
	}
	return l
}

// pendingStep returns the path step of an element whose start tag is being
// read.
func (d *Scanner[S]) pendingStep(qname []byte) (name string, index int32, node *Node[S]) {
	prefix, local := []byte(nil), qname
	if i := bytes.IndexByte(qname, ':'); i >= 0 {
		prefix, local = qname[:i], qname[i+1:]
	}
	ns, uri, _ := d.lookupPrefix(prefix)
	name = string(qname)
	if ns != NSOther {
		name = d.cfg.QName(ns, string(local))
	}
	parent := &d.stack[len(d.stack)-1]
	if parent.skip || d.tail {
		return name, 0, nil
	}
	if ns != NSOther {
		node = parent.node.child(ns, local)
	}
	if node != nil {
		return name, d.counts[parent.countBase+int32(node.idx)].n + 1, node
	}
	if c := parent.unknown["{"+uri+"}"+string(local)]; c != nil {
		return name, c.n + 1, nil
	}
	return name, 1, nil
}

func (d *Scanner[S]) segName(f *Frame[S]) string {
	if f.node != nil {
		return f.node.name
	}
	if f.ns != NSOther {
		return d.cfg.QName(f.ns, string(f.local))
	}
	return string(f.qname)
}

// CaptureTop returns the location of the innermost open element.
func (d *Scanner[S]) CaptureTop() *Loc {
	return d.capture(len(d.stack)-1, true)
}

// Fail returns the error for the innermost open element, naming its
// business terms.
func (d *Scanner[S]) Fail(format string, args ...any) error {
	f := &d.stack[len(d.stack)-1]
	var terms []string
	if f.node != nil {
		terms = f.node.terms
	}
	return d.FailAt(d.CaptureTop(), terms, fmt.Sprintf(format, args...))
}

// TopTerms returns the business terms of the innermost open element.
func (d *Scanner[S]) TopTerms() []string {
	if f := &d.stack[len(d.stack)-1]; f.node != nil {
		return f.node.terms
	}
	return nil
}

// FailAt returns the error for the element at l.
func (d *Scanner[S]) FailAt(l *Loc, terms []string, msg string) error {
	return &scanErr{loc: l, off: l.off, terms: terms, msg: msg}
}

// IgnoreTop reports the innermost open element as not carried by the model.
func (d *Scanner[S]) IgnoreTop(reason string) error {
	f := &d.stack[len(d.stack)-1]
	var terms []string
	if f.node != nil {
		terms = f.node.terms
	}
	return d.IgnoreAt(d.CaptureTop(), terms, reason)
}

// IgnoreAt reports an element as not carried by the model. In strict mode
// the first one, in document order, becomes the error once the document is
// read: groups decide what they carry when they close, so an entry may
// still be replaced by one for an enclosing element.
func (d *Scanner[S]) IgnoreAt(l *Loc, terms []string, reason string) error {
	if n := len(d.igs); n > 0 && d.igs[n-1].loc.off > l.off {
		d.unsorted = true
	}
	d.igs = append(d.igs, ignoredEntry{loc: l, terms: terms, reason: reason})
	return nil
}

// IgnoredMark and DropIgnored let a group that is ignored as a whole after
// it was read replace the entries of its content by its own.
func (d *Scanner[S]) IgnoredMark() int { return len(d.igs) }

// DropIgnored forgets the entries reported since mark.
func (d *Scanner[S]) DropIgnored(mark int) {
	if mark < len(d.igs) {
		d.igs = d.igs[:mark]
	}
}

// The scanner.

// prolog reads up to and including the root start tag. Failures here mean
// the input is not of the format (ErrFormat), but for an encoding it does
// not support.
func (d *Scanner[S]) prolog() error {
	data := d.data
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		d.pos = 3
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}), bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return &einvoice.DecodeError{Format: d.cfg.Format, Line: 1, Column: 1, Msg: "UTF-16 input is not supported: convert it to UTF-8"}
	}
	docStart := d.pos
	first := true
	for {
		d.skipSpace()
		if d.pos >= len(d.data) {
			if d.pos == docStart {
				return d.formatError("empty input")
			}
			return d.formatError("no root element")
		}
		data = d.data
		if data[d.pos] != '<' {
			return d.formatError("not XML")
		}
		rest := data[d.pos:]
		switch {
		case bytes.HasPrefix(rest, []byte("<?")):
			// The declaration must come first; white space before it is
			// tolerated.
			isDecl, err := d.pi(first)
			if err != nil {
				return d.formatError("%v", err)
			}
			if isDecl {
				if err := d.declaration(docStart); err != nil {
					return err
				}
			}
			first = false
		case bytes.HasPrefix(rest, []byte("<!--")):
			if err := d.comment(); err != nil {
				return d.formatError("%v", err)
			}
			first = false
		case bytes.HasPrefix(rest, []byte("<!DOCTYPE")):
			if err := d.doctype(); err != nil {
				return d.formatError("%v", err)
			}
			first = false
		case bytes.HasPrefix(rest, []byte("<!")):
			return d.formatError("not XML")
		default:
			return d.root()
		}
	}
}

// declaration checks the encoding of the XML declaration that ends at
// d.pos, and converts ISO-8859-1 input to UTF-8.
func (d *Scanner[S]) declaration(start int) error {
	decl := d.data[start:d.pos]
	i := bytes.Index(decl, []byte("encoding"))
	if i < 0 {
		return nil
	}
	rest := bytes.TrimLeft(decl[i+len("encoding"):], " \t\r\n")
	if len(rest) == 0 || rest[0] != '=' {
		return d.formatError("malformed XML declaration")
	}
	rest = bytes.TrimLeft(rest[1:], " \t\r\n")
	if len(rest) == 0 || rest[0] != '"' && rest[0] != '\'' {
		return d.formatError("malformed XML declaration")
	}
	end := bytes.IndexByte(rest[1:], rest[0])
	if end < 0 {
		return d.formatError("malformed XML declaration")
	}
	enc := strings.ToLower(string(rest[1 : 1+end]))
	switch enc {
	case "utf-8", "utf8", "us-ascii", "ascii":
		return nil
	case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1":
		// What precedes d.pos is ASCII (but for a BOM): keep offsets.
		if rest := latin1ToUTF8(d.data[d.pos:]); len(rest) != len(d.data)-d.pos {
			d.data = append(d.data[:d.pos:d.pos], rest...)
		}
		return nil
	}
	return &einvoice.DecodeError{Format: d.cfg.Format, Line: 1, Column: 1, Msg: fmt.Sprintf("encoding %q is not supported: use UTF-8", enc)}
}

func latin1ToUTF8(b []byte) []byte {
	n := 0
	for _, c := range b {
		if c >= 0x80 {
			n++
		}
	}
	if n == 0 {
		return b
	}
	out := make([]byte, 0, len(b)+n)
	for _, c := range b {
		out = utf8.AppendRune(out, rune(c))
	}
	return out
}

// root reads the root start tag, which must be rsm:CrossIndustryInvoice.
func (d *Scanner[S]) root() error {
	start := d.pos
	qname, colon, selfClose, nsMark, err := d.startTag()
	if err != nil {
		return d.formatError("%v", err.msg)
	}
	local := qname
	var prefix []byte
	if colon >= 0 {
		prefix, local = qname[:colon], qname[colon+1:]
	}
	bi, ok := d.prefixTop[string(prefix)]
	if !ok && len(prefix) > 0 {
		return d.formatError("root element %s: undeclared namespace prefix", qname)
	}
	uri := ""
	if ok {
		uri = d.binds[bi].uri
	}
	var node *Node[S]
	for _, n := range d.cfg.Roots {
		if uri == d.cfg.Namespaces[n.ns-1].URI && string(local) == n.local {
			node = n
			break
		}
	}
	if node == nil {
		if uri == "" {
			return d.formatError("the root element is %s, in no namespace", local)
		}
		return d.formatError("the root element is %s in namespace %s", local, uri)
	}
	d.tagName = nil
	d.stack = append(d.stack, Frame[S]{
		node: node, qname: qname, local: local, ns: node.ns, uri: uri, start: start,
		index: 1, nsMark: int32(nsMark), slot: -1,
	})
	_ = d.enter(&d.stack[0], nil) // the root is always read
	if selfClose {
		return d.closeTop()
	}
	return nil
}

// body reads the content of the root element, up to its end tag.
func (d *Scanner[S]) body() error {
	for len(d.stack) > 0 {
		data := d.data
		i := bytes.IndexByte(data[d.pos:], '<')
		if i < 0 {
			return d.stop(d.syntaxError(len(data), "unexpected end of input: element %s is not closed", d.stack[len(d.stack)-1].qname))
		}
		if i > 0 {
			if err := d.stop(d.charData(data[d.pos:d.pos+i], d.pos, false)); err != nil {
				return err
			}
			d.pos += i
		}
		if d.pos+1 >= len(data) {
			return d.stop(d.syntaxError(len(data), "unexpected end of input: element %s is not closed", d.stack[len(d.stack)-1].qname))
		}
		var err error
		switch data[d.pos+1] {
		case '/':
			err = d.endTag()
		case '?':
			_, e := d.pi(false)
			if e != nil {
				err = e
			}
		case '!':
			rest := data[d.pos:]
			switch {
			case bytes.HasPrefix(rest, []byte("<!--")):
				if e := d.comment(); e != nil {
					err = e
				}
			case bytes.HasPrefix(rest, []byte("<![CDATA[")):
				err = d.cdata()
			default:
				err = d.syntaxError(d.pos, "unexpected markup %q", clip(rest, 9))
			}
		default:
			start := d.pos
			qname, colon, selfClose, nsMark, e := d.startTag()
			if e != nil {
				err = e
				break
			}
			err = d.openElement(start, qname, colon, selfClose, nsMark)
		}
		if err := d.stop(err); err != nil {
			return err
		}
	}
	return nil
}

// stop sorts errors: a syntax error ends the scan (returned, rendered); any
// other is kept, the first one only, and the scan goes on as a tail.
func (d *Scanner[S]) stop(err error) error {
	if err == nil {
		return nil
	}
	e, ok := err.(*scanErr)
	if !ok {
		return err
	}
	if e.syntax {
		if d.err != nil {
			// The document is broken after the first error: report that one.
			return d.decodeError(d.err)
		}
		return d.decodeError(e)
	}
	if d.err == nil {
		d.err = e
	}
	d.tail = true
	return nil
}

// epilog reads what follows the root element: only white space, comments
// and processing instructions.
func (d *Scanner[S]) epilog() error {
	for {
		d.skipSpace()
		if d.pos >= len(d.data) {
			return nil
		}
		rest := d.data[d.pos:]
		var err *scanErr
		switch {
		case bytes.HasPrefix(rest, []byte("<!--")):
			err = d.comment()
		case bytes.HasPrefix(rest, []byte("<?")):
			_, err = d.pi(false)
		default:
			err = d.syntaxError(d.pos, "content after the root element")
		}
		if err != nil {
			return d.decodeError(err)
		}
	}
}

func clip(b []byte, n int) []byte {
	if len(b) > n {
		return b[:n]
	}
	return b
}

// skipSpace skips white space and reports whether there was any.
func (d *Scanner[S]) skipSpace() bool {
	start := d.pos
	for d.pos < len(d.data) && IsSpace(d.data[d.pos]) {
		d.pos++
	}
	return d.pos > start
}

// pi reads a processing instruction at d.pos. The XML declaration is one
// only at the start of the document.
func (d *Scanner[S]) pi(atStart bool) (isDecl bool, err *scanErr) {
	start := d.pos
	d.pos += 2
	nameStart := d.pos
	if _, ok := d.scanName(); !ok {
		return false, d.syntaxError(start, "malformed processing instruction")
	}
	target := d.data[nameStart:d.pos]
	isDecl = strings.EqualFold(string(target), "xml")
	if isDecl && !atStart {
		return false, d.syntaxError(start, "XML declaration not at the start of the document")
	}
	end := bytes.Index(d.data[d.pos:], []byte("?>"))
	if end < 0 {
		return false, d.syntaxError(len(d.data), "unexpected end of input in a processing instruction")
	}
	body := d.data[d.pos : d.pos+end]
	if len(body) > 0 && !IsSpace(body[0]) {
		return false, d.syntaxError(start, "malformed processing instruction")
	}
	if _, err := d.validate(body, d.pos, modeRaw); err != nil {
		return false, err
	}
	d.pos += end + 2
	return isDecl, nil
}

func (d *Scanner[S]) comment() *scanErr {
	start := d.pos + 4
	end := bytes.Index(d.data[start:], []byte("-->"))
	if end < 0 {
		return d.syntaxError(len(d.data), "unexpected end of input in a comment")
	}
	if _, err := d.validate(d.data[start:start+end], start, modeRaw); err != nil {
		return err
	}
	d.pos = start + end + 3
	return nil
}

// doctype skips a document type declaration. Its entities are not read:
// a reference to one is an error later.
func (d *Scanner[S]) doctype() *scanErr {
	start := d.pos
	depth := 0
	var quote byte
	for i := d.pos + 2; i < len(d.data); i++ {
		c := d.data[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '[':
			depth++
		case c == ']':
			depth--
		case c == '>' && depth <= 0:
			d.pos = i + 1
			return nil
		}
	}
	return d.syntaxError(start, "unexpected end of input in a document type declaration")
}

func (d *Scanner[S]) cdata() error {
	start := d.pos + len("<![CDATA[")
	end := bytes.Index(d.data[start:], []byte("]]>"))
	if end < 0 {
		return d.syntaxError(len(d.data), "unexpected end of input in a CDATA section")
	}
	err := d.charData(d.data[start:start+end], start, true)
	d.pos = start + end + 3
	return err
}

// nameByte classifies ASCII bytes: 1 may start a name, 2 may continue one.
var nameByte = func() (t [128]uint8) {
	for c := 'a'; c <= 'z'; c++ {
		t[c] = 1
		t[c-'a'+'A'] = 1
	}
	t['_'] = 1
	for c := '0'; c <= '9'; c++ {
		t[c] = 2
	}
	t['-'], t['.'], t[':'] = 2, 2, 2
	return t
}()

func isNameRune(r rune, first bool) bool {
	if r == utf8.RuneError {
		return false
	}
	if unicode.IsLetter(r) || r == '_' || unicode.Is(unicode.Nl, r) {
		return true
	}
	if first {
		return false
	}
	return unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r) ||
		unicode.Is(unicode.Nd, r) || unicode.Is(unicode.Lm, r) || r == 0xB7
}

// scanName reads an XML name at d.pos, returning the offset of its colon
// (relative to the name's start) or -1. A name has at most one colon, not
// at either end.
func (d *Scanner[S]) scanName() (colon int, ok bool) {
	data := d.data
	start := d.pos
	i := start
	colon = -1
	if i >= len(data) {
		return -1, false
	}
	if c := data[i]; c < 0x80 {
		if nameByte[c] != 1 {
			return -1, false
		}
		i++
	} else {
		r, size := utf8.DecodeRune(data[i:])
		if !isNameRune(r, true) {
			return -1, false
		}
		i += size
	}
	for i < len(data) {
		c := data[i]
		if c < 0x80 {
			if nameByte[c] == 0 {
				break
			}
			if c == ':' {
				if colon >= 0 {
					return -1, false
				}
				colon = i - start
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if !isNameRune(r, false) {
			break
		}
		i += size
	}
	if colon == i-start-1 {
		return -1, false
	}
	if colon >= 0 && data[start+colon+1] >= '0' && data[start+colon+1] <= '9' {
		return -1, false
	}
	d.pos = i
	return colon, true
}

// startTag reads a start tag at d.pos, its namespace declarations bound.
func (d *Scanner[S]) startTag() (qname []byte, colon int, selfClose bool, nsMark int, err *scanErr) {
	start := d.pos
	d.pos++
	colon, ok := d.scanName()
	if !ok {
		return nil, 0, false, 0, d.syntaxError(start, "malformed element name")
	}
	qname = d.data[start+1 : d.pos]
	d.tagName = qname
	nsMark = len(d.binds)
	d.attrs = d.attrs[:0]
	data := d.data
	for {
		sp := d.skipSpace()
		if d.pos >= len(data) {
			return nil, 0, false, 0, d.syntaxError(len(data), "unexpected end of input in start tag <%s>", qname)
		}
		c := data[d.pos]
		if c == '>' {
			d.pos++
			break
		}
		if c == '/' {
			if d.pos+1 < len(data) && data[d.pos+1] == '>' {
				d.pos += 2
				selfClose = true
				break
			}
			return nil, 0, false, 0, d.syntaxError(d.pos, "malformed start tag <%s>", qname)
		}
		if !sp {
			return nil, 0, false, 0, d.syntaxError(d.pos, "malformed start tag <%s>", qname)
		}
		an := d.pos
		acolon, ok := d.scanName()
		if !ok {
			return nil, 0, false, 0, d.syntaxError(an, "malformed attribute name in start tag <%s>", qname)
		}
		aname := data[an:d.pos]
		d.skipSpace()
		if d.pos >= len(data) || data[d.pos] != '=' {
			return nil, 0, false, 0, d.syntaxError(d.pos, "attribute %s without value", aname)
		}
		d.pos++
		d.skipSpace()
		if d.pos >= len(data) || data[d.pos] != '"' && data[d.pos] != '\'' {
			return nil, 0, false, 0, d.syntaxError(d.pos, "attribute %s: value not quoted", aname)
		}
		vs := d.pos + 1
		end := bytes.IndexByte(data[vs:], data[d.pos])
		if end < 0 {
			return nil, 0, false, 0, d.syntaxError(len(data), "unexpected end of input in attribute %s", aname)
		}
		val := data[vs : vs+end]
		if lt := bytes.IndexByte(val, '<'); lt >= 0 {
			return nil, 0, false, 0, d.syntaxError(vs+lt, "'<' in the value of attribute %s", aname)
		}
		special, verr := d.validate(val, vs, modeAttr)
		if verr != nil {
			return nil, 0, false, 0, verr
		}
		d.pos = vs + end + 1
		d.attrs = append(d.attrs, attribute{name: aname, colon: acolon, val: val, off: vs, special: special})
	}
	if err := d.checkAttrs(); err != nil {
		return nil, 0, false, 0, err
	}
	return qname, colon, selfClose, nsMark, nil
}

// checkAttrs rejects duplicate attributes and binds the namespace
// declarations.
func (d *Scanner[S]) checkAttrs() *scanErr {
	attrs := d.attrs
	if len(attrs) <= 16 {
		for i := 1; i < len(attrs); i++ {
			for j := 0; j < i; j++ {
				if bytes.Equal(attrs[i].name, attrs[j].name) {
					return d.syntaxError(attrs[i].off, "attribute %s repeated", attrs[i].name)
				}
			}
		}
	} else {
		seen := make(map[string]bool, len(attrs))
		for _, a := range attrs {
			if seen[string(a.name)] {
				return d.syntaxError(a.off, "attribute %s repeated", a.name)
			}
			seen[string(a.name)] = true
		}
	}
	for i := range attrs {
		a := &attrs[i]
		var prefix string
		switch {
		case a.colon < 0 && string(a.name) == "xmlns":
		case a.colon == 5 && string(a.name[:5]) == "xmlns":
			prefix = string(a.name[6:])
			if prefix == "xmlns" {
				return d.syntaxError(a.off, "the prefix xmlns cannot be declared")
			}
		default:
			continue
		}
		var uri string
		ns := NSOther
		if !a.special {
			ns = d.cfg.nsOf(a.val)
		}
		if ns != NSOther {
			// A known namespace: no string to allocate.
			uri = d.cfg.Namespaces[ns-1].URI
		} else {
			uri = d.attrValue(a)
			ns = d.cfg.nsOf([]byte(uri))
		}
		if uri == "" && prefix != "" {
			return d.syntaxError(a.off, "namespace prefix %s bound to an empty name", prefix)
		}
		d.pcn = 0
		prev, ok := d.prefixTop[prefix]
		if !ok {
			prev = -1
		}
		d.prefixTop[prefix] = int32(len(d.binds))
		d.binds = append(d.binds, binding{prefix: prefix, uri: uri, ns: ns, prev: prev})
	}
	return nil
}

// popNS ends the scope of the bindings from mark on.
func (d *Scanner[S]) popNS(mark int) {
	if mark == len(d.binds) {
		return
	}
	d.pcn = 0
	for i := len(d.binds) - 1; i >= mark; i-- {
		b := &d.binds[i]
		if b.prev < 0 {
			delete(d.prefixTop, b.prefix)
		} else {
			d.prefixTop[b.prefix] = b.prev
		}
	}
	d.binds = d.binds[:mark]
}

// attrValue returns the normalized value of an attribute.
func (d *Scanner[S]) attrValue(a *attribute) string {
	if !a.special {
		return string(a.val)
	}
	return string(appendText(nil, a.val, modeAttr))
}

// openElement pushes the element whose start tag was just read, and
// dispatches it.
func (d *Scanner[S]) openElement(start int, qname []byte, colon int, selfClose bool, nsMark int) error {
	if len(d.stack) >= MaxDepth {
		return d.syntaxError(start, "elements nested deeper than %d", MaxDepth)
	}
	local := qname
	var prefix []byte
	if colon >= 0 {
		prefix, local = qname[:colon], qname[colon+1:]
	}
	ns, uri, ok := d.lookupPrefix(prefix)
	if !ok && len(prefix) > 0 {
		return d.syntaxError(start, "undeclared namespace prefix %s", prefix)
	}
	d.stack = append(d.stack, Frame[S]{
		qname: qname, local: local, ns: ns, uri: uri, start: start,
		nsMark: int32(nsMark), countBase: int32(len(d.counts)), slot: -1,
	})
	d.tagName = nil
	parent := &d.stack[len(d.stack)-2]
	f := &d.stack[len(d.stack)-1]
	err := d.enter(f, parent)
	if selfClose {
		if cerr := d.closeTop(); err == nil {
			err = cerr
		}
	}
	return err
}

// enter dispatches an element just pushed: it counts it among its
// siblings, skips and reports it if the model cannot carry it, and opens
// its group or its text otherwise.
func (d *Scanner[S]) enter(f, parent *Frame[S]) error {
	var node *Node[S]
	if parent == nil {
		node = f.node
	} else {
		if parent.skip {
			f.skip = true
			return nil
		}
		var c *counter
		if f.ns != NSOther {
			node = parent.node.child(f.ns, f.local)
		}
		if node != nil {
			f.slot = parent.countBase + int32(node.idx)
			c = &d.counts[f.slot]
		} else {
			key := "{" + f.uri + "}" + string(f.local)
			if parent.unknown == nil {
				parent.unknown = make(map[string]*counter)
			}
			c = parent.unknown[key]
			if c == nil {
				c = new(counter)
				parent.unknown[key] = c
			}
			f.uslot = c
		}
		c.n++
		f.index = c.n
		if c.n == 2 && c.rep != nil {
			*c.rep = true
		}
		f.node = node
		if d.tail {
			f.skip = true
			return nil
		}
		switch {
		case node == nil:
			f.skip = true
			return d.IgnoreTop("not in the EN 16931 model")
		case node.ignore != "":
			f.skip = true
			return d.IgnoreTop(node.ignore)
		case !node.repeat && f.index > 1:
			f.skip = true
			return d.IgnoreTop("a second " + node.name + ": the model holds one")
		}
	}
	if n := len(node.kids); n > 0 {
		d.counts = append(d.counts, make([]counter, n)...)
	}
	for i, name := range node.attrs {
		f.Attr[i] = d.findAttr(name)
	}
	var ctx any
	if parent != nil {
		ctx = parent.ctx
	}
	switch {
	case node.leaf != nil:
		d.tmode = 0
	case node.open != nil:
		ctx = node.open(d.User, ctx)
	}
	f.ctx = ctx
	return nil
}

// lookupPrefix returns the namespace bound to prefix.
func (d *Scanner[S]) lookupPrefix(prefix []byte) (NS, string, bool) {
	for i := 0; i < d.pcn; i++ {
		if c := &d.pcache[i]; c.prefix == string(prefix) {
			return c.ns, c.uri, true
		}
	}
	bi, ok := d.prefixTop[string(prefix)]
	if !ok {
		return NSOther, "", false
	}
	b := &d.binds[bi]
	if d.pcn < len(d.pcache) {
		d.pcache[d.pcn] = prefixCache{prefix: b.prefix, ns: b.ns, uri: b.uri}
		d.pcn++
	}
	return b.ns, b.uri, true
}

// findAttr returns the value of the unprefixed attribute name of the start
// tag just read, or "".
func (d *Scanner[S]) findAttr(name string) string {
	for i := range d.attrs {
		a := &d.attrs[i]
		if a.colon < 0 && string(a.name) == name {
			if !a.special && len(a.val) <= maxInterned {
				return d.intern(a.val)
			}
			return d.attrValue(a)
		}
	}
	return ""
}

// Attribute values a leaf reads are mostly codes that repeat from line to
// line (currencyID="EUR", unitCode="C62", schemeID="0088"): the short ones
// are kept in a small table, so that each is allocated once per document.
const (
	maxInterned  = 16
	maxInternTab = 64
)

func (d *Scanner[S]) intern(b []byte) string {
	if s, ok := d.interned[string(b)]; ok {
		return s
	}
	s := string(b)
	if d.interned == nil {
		d.interned = make(map[string]string, 8)
	}
	if len(d.interned) < maxInternTab {
		d.interned[s] = s
	}
	return s
}

func (d *Scanner[S]) endTag() error {
	start := d.pos
	d.pos += 2
	f := &d.stack[len(d.stack)-1]
	// Fast path: the name of the open element, then '>'.
	if end := d.pos + len(f.qname); end < len(d.data) && d.data[end] == '>' && bytes.Equal(d.data[d.pos:end], f.qname) {
		d.pos = end + 1
		return d.closeTop()
	}
	nameStart := d.pos
	if _, ok := d.scanName(); !ok {
		return d.syntaxError(start, "malformed end tag")
	}
	name := d.data[nameStart:d.pos]
	d.skipSpace()
	if d.pos >= len(d.data) || d.data[d.pos] != '>' {
		return d.syntaxError(start, "malformed end tag </%s>", name)
	}
	d.pos++
	if !bytes.Equal(name, f.qname) {
		return d.syntaxError(start, "element <%s> closed by </%s>", f.qname, name)
	}
	return d.closeTop()
}

// closeTop ends the innermost open element: it hands a leaf its text, or
// lets a group finish, and pops it.
func (d *Scanner[S]) closeTop() error {
	i := len(d.stack) - 1
	f := &d.stack[i]
	var err error
	if !f.skip && !d.tail {
		n := f.node
		if n.leaf != nil {
			var text []byte
			switch d.tmode {
			case 1:
				text = d.tview
			case 2:
				text = d.tbuf
			}
			err = n.leaf(d.User, f.ctx, text, f)
		} else if n.close != nil {
			err = n.close(d.User, f.ctx)
		}
	}
	d.counts = d.counts[:f.countBase]
	d.popNS(int(f.nsMark))
	d.stack = d.stack[:i]
	return err
}

// charData handles the text between two tags (or a CDATA section) inside
// the innermost open element.
func (d *Scanner[S]) charData(seg []byte, off int, cdata bool) error {
	mode := modeText
	if cdata {
		mode = modeRaw
	}
	f := &d.stack[len(d.stack)-1]
	if f.skip || d.tail {
		return asErr(d.validateErr(seg, off, mode))
	}
	if f.node.leaf != nil {
		special, err := d.validate(seg, off, mode)
		if err != nil {
			return err
		}
		switch {
		case d.tmode == 0 && !special:
			d.tview, d.tmode = seg, 1
			return nil
		case d.tmode == 0:
			d.tbuf = d.tbuf[:0]
		case d.tmode == 1:
			d.tbuf = append(d.tbuf[:0], d.tview...)
		}
		d.tmode = 2
		if special {
			d.tbuf = appendText(d.tbuf, seg, mode)
		} else {
			d.tbuf = append(d.tbuf, seg...)
		}
		return nil
	}
	if allSpace(seg) {
		return nil
	}
	if err := d.validateErr(seg, off, mode); err != nil {
		return err
	}
	if f.noted {
		return nil
	}
	f.noted = true
	return d.IgnoreTop("text content in an element of elements")
}

func asErr(e *scanErr) error {
	if e == nil {
		return nil
	}
	return e
}

func allSpace(b []byte) bool {
	for _, c := range b {
		if !IsSpace(c) {
			return false
		}
	}
	return true
}

// Modes of character data: raw (comments, processing instructions, CDATA:
// no references), text, attribute values.
const (
	modeRaw = iota
	modeText
	modeAttr
)

func (d *Scanner[S]) validateErr(seg []byte, off int, mode int) *scanErr {
	_, err := d.validate(seg, off, mode)
	return err
}

// validate checks that seg holds only XML characters and, but in raw mode,
// well-formed references. It reports whether seg needs decoding: a
// reference, a carriage return, or in an attribute a tab or line feed.
func (d *Scanner[S]) validate(seg []byte, off int, mode int) (special bool, err *scanErr) {
	for i := 0; i < len(seg); i++ {
		c := seg[i]
		if c >= 0x20 && c < 0x80 {
			if c == '&' && mode != modeRaw {
				_, n, ok := charRef(seg[i:])
				if !ok {
					return false, d.syntaxError(off+i, "malformed or unknown entity reference %q", clip(seg[i:], 12))
				}
				special = true
				i += n - 1
			}
			continue
		}
		switch {
		case c == '\n' || c == '\t':
			if mode == modeAttr {
				special = true
			}
		case c == '\r':
			special = true
		case c < 0x20:
			return false, d.syntaxError(off+i, "illegal character U+%04X", c)
		default:
			r, size := utf8.DecodeRune(seg[i:])
			if r == utf8.RuneError && size == 1 {
				return false, d.syntaxError(off+i, "invalid UTF-8")
			}
			if !isChar(r) {
				return false, d.syntaxError(off+i, "illegal character U+%04X", r)
			}
			i += size - 1
		}
	}
	return special, nil
}

func isChar(r rune) bool {
	return r == 0x9 || r == 0xA || r == 0xD || r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// charRef reads the reference at the start of b: the character it stands
// for and its length.
func charRef(b []byte) (r rune, n int, ok bool) {
	end := bytes.IndexByte(clip(b, 32), ';')
	if end < 2 {
		return 0, 0, false
	}
	name := b[1:end]
	switch string(name) {
	case "lt":
		return '<', end + 1, true
	case "gt":
		return '>', end + 1, true
	case "amp":
		return '&', end + 1, true
	case "apos":
		return '\'', end + 1, true
	case "quot":
		return '"', end + 1, true
	}
	if name[0] != '#' || len(name) < 2 {
		return 0, 0, false
	}
	digits, base := name[1:], 10
	if digits[0] == 'x' {
		digits, base = digits[1:], 16
	}
	if len(digits) == 0 {
		return 0, 0, false
	}
	v := 0
	for _, c := range digits {
		var x int
		switch {
		case c >= '0' && c <= '9':
			x = int(c - '0')
		case base == 16 && c >= 'a' && c <= 'f':
			x = int(c-'a') + 10
		case base == 16 && c >= 'A' && c <= 'F':
			x = int(c-'A') + 10
		default:
			return 0, 0, false
		}
		v = v*base + x
		if v > unicode.MaxRune {
			return 0, 0, false
		}
	}
	if !isChar(rune(v)) {
		return 0, 0, false
	}
	return rune(v), end + 1, true
}

// DecodeText appends to dst the character data or attribute value seg, as
// written between tags or quotes, with its references replaced and its line
// breaks normalized as XML requires (and, in an attribute value, tabs and
// line breaks made spaces). It reports false for a malformed reference.
// It is the decoding the Scanner applies, for a reader of its own
// (internal/schematron).
func DecodeText(dst, seg []byte, attr bool) ([]byte, bool) {
	for i := 0; i < len(seg); i++ {
		if seg[i] == '&' {
			_, n, ok := charRef(seg[i:])
			if !ok {
				return dst, false
			}
			i += n - 1
		}
	}
	mode := modeText
	if attr {
		mode = modeAttr
	}
	return appendText(dst, seg, mode), true
}

// appendText appends validated character data, its references replaced
// and its line breaks normalized (to line feeds, or to spaces in attribute
// values, with tabs).
func appendText(dst, seg []byte, mode int) []byte {
	for i := 0; i < len(seg); i++ {
		c := seg[i]
		switch {
		case c == '&' && mode != modeRaw:
			r, n, _ := charRef(seg[i:])
			dst = utf8.AppendRune(dst, r)
			i += n - 1
		case c == '\r':
			if i+1 < len(seg) && seg[i+1] == '\n' {
				i++
			}
			if mode == modeAttr {
				dst = append(dst, ' ')
			} else {
				dst = append(dst, '\n')
			}
		case (c == '\n' || c == '\t') && mode == modeAttr:
			dst = append(dst, ' ')
		default:
			dst = append(dst, c)
		}
	}
	return dst
}
