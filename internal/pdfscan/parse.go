package pdfscan

import (
	"bytes"
	"strconv"
)

// MaxDepth bounds the nesting of arrays and dictionaries in one object, and
// the chain of indirect objects resolved to read one value.
const MaxDepth = 64

// maxElements bounds the elements of one array or dictionary.
const maxElements = 1 << 20

// maxStringLen bounds what one literal or hexadecimal string may decode to
// (ISO 32000 implementation limits: 32767; streams hold the big data).
// Longer strings are cut, not refused.
const maxStringLen = 1 << 20

const (
	chRegular = iota
	chWhite
	chDelim
)

var charClass = func() (t [256]uint8) {
	for _, c := range []byte{0, '\t', '\n', '\f', '\r', ' '} {
		t[c] = chWhite
	}
	for _, c := range []byte("()<>[]{}/%") {
		t[c] = chDelim
	}
	return
}()

func isWhite(c byte) bool   { return charClass[c] == chWhite }
func isRegular(c byte) bool { return charClass[c] == chRegular }

// parser reads objects from b starting at pos.
type parser struct {
	b   []byte
	pos int
}

func (p *parser) errorf(msg string) error {
	return &Error{Offset: int64(p.pos), Msg: msg, Err: ErrSyntax}
}

// skipSpace skips white space and comments.
func (p *parser) skipSpace() {
	b := p.b
	for p.pos < len(b) {
		c := b[p.pos]
		if isWhite(c) {
			p.pos++
			continue
		}
		if c != '%' {
			return
		}
		for p.pos < len(b) && b[p.pos] != '\n' && b[p.pos] != '\r' {
			p.pos++
		}
	}
}

// keyword returns the run of regular characters at pos, without moving.
func (p *parser) peekKeyword() []byte {
	i := p.pos
	for i < len(p.b) && isRegular(p.b[i]) {
		i++
	}
	return p.b[p.pos:i]
}

// acceptKeyword skips space and then kw when it is next, as a whole token.
func (p *parser) acceptKeyword(kw string) bool {
	save := p.pos
	p.skipSpace()
	if string(p.peekKeyword()) == kw {
		p.pos += len(kw)
		return true
	}
	p.pos = save
	return false
}

// uint reads an unsigned decimal integer token (digits only, followed by a
// non-regular character or the end).
func (p *parser) uint() (int64, bool) {
	i := p.pos
	var n int64
	for i < len(p.b) && p.b[i] >= '0' && p.b[i] <= '9' {
		if n > (1<<62)/10 {
			return 0, false
		}
		n = n*10 + int64(p.b[i]-'0')
		i++
	}
	if i == p.pos || (i < len(p.b) && isRegular(p.b[i])) {
		return 0, false
	}
	p.pos = i
	return n, true
}

// parseObject reads one direct object or reference. depth counts the
// enclosing arrays and dictionaries.
func (p *parser) parseObject(depth int) (Object, error) {
	if depth > MaxDepth {
		return nil, p.errorf("arrays and dictionaries nested too deep")
	}
	p.skipSpace()
	if p.pos >= len(p.b) {
		return nil, p.errorf("unexpected end of data")
	}
	switch c := p.b[p.pos]; c {
	case '/':
		return p.parseName(), nil
	case '(':
		return p.parseLiteral()
	case '<':
		if p.pos+1 < len(p.b) && p.b[p.pos+1] == '<' {
			return p.parseDict(depth + 1)
		}
		return p.parseHex()
	case '[':
		return p.parseArray(depth + 1)
	case ')', '>', ']', '{', '}':
		return nil, p.errorf("unexpected " + strconv.QuoteRune(rune(c)))
	}
	kw := p.peekKeyword()
	if len(kw) == 0 {
		return nil, p.errorf("unexpected character")
	}
	if c := kw[0]; c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.' {
		return p.parseNumber(kw), nil
	}
	switch string(kw) {
	case "true":
		p.pos += 4
		return true, nil
	case "false":
		p.pos += 5
		return false, nil
	case "null":
		p.pos += 4
		return nil, nil
	}
	return nil, p.errorf("unexpected keyword " + strconv.Quote(string(truncate(kw, 32))))
}

func truncate(b []byte, n int) []byte {
	if len(b) > n {
		return b[:n]
	}
	return b
}

// parseNumber reads the number kw at pos, or a reference "N G R".
func (p *parser) parseNumber(kw []byte) Object {
	p.pos += len(kw)
	integer, unsigned := true, true
	for i, c := range kw {
		switch {
		case c >= '0' && c <= '9':
		case (c == '+' || c == '-') && i == 0:
			unsigned = false
		default:
			integer = false
		}
	}
	if integer {
		if n, err := strconv.ParseInt(string(kw), 10, 64); err == nil {
			if unsigned && n <= 1<<31 {
				if ref, ok := p.refTail(n); ok {
					return ref
				}
			}
			return n
		}
	}
	// Reals, and what lenient readers take for one: "4.", "-.5", "1.2.3"
	// (read as 1.2), "--5" (as -5), "+-", garbage (as 0).
	s := kw
	for len(s) > 1 && (s[0] == '-' || s[0] == '+') && (s[1] == '-' || s[1] == '+') {
		s = s[1:]
	}
	end := 0
	dot := false
	for end < len(s) {
		c := s[end]
		if c >= '0' && c <= '9' || (c == '-' || c == '+') && end == 0 {
			end++
			continue
		}
		if c == '.' && !dot {
			dot = true
			end++
			continue
		}
		break
	}
	f, err := strconv.ParseFloat(string(s[:end]), 64)
	if err != nil {
		f = 0
	}
	return f
}

// refTail reads " G R" after the integer num, or restores the position.
func (p *parser) refTail(num int64) (Ref, bool) {
	save := p.pos
	p.skipSpace()
	gen, ok := p.uint()
	if ok && gen <= 65535 {
		p.skipSpace()
		if p.pos < len(p.b) && p.b[p.pos] == 'R' && (p.pos+1 == len(p.b) || !isRegular(p.b[p.pos+1])) {
			p.pos++
			return Ref{Num: int(num), Gen: int(gen)}, true
		}
	}
	p.pos = save
	return Ref{}, false
}

func unhex(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// commonNames avoids an allocation for the names this package and its
// callers look at most.
var commonNames = func() map[string]Name {
	m := map[string]Name{}
	for _, s := range []string{"Type", "Subtype", "Length", "Filter", "DecodeParms", "Predictor",
		"Columns", "Colors", "BitsPerComponent", "FlateDecode", "Size", "Root", "Info", "ID",
		"Prev", "XRefStm", "XRef", "W", "Index", "ObjStm", "N", "First", "Extends", "Catalog",
		"Pages", "Page", "Names", "EmbeddedFiles", "Kids", "Limits", "Filespec", "F", "UF",
		"EF", "Desc", "AFRelationship", "Data", "Alternative", "Source", "Supplement",
		"Unspecified", "AF", "Metadata", "XML", "EmbeddedFile", "Params", "ModDate",
		"CreationDate", "CheckSum", "Encrypt", "Parent", "Count", "MediaBox", "Resources",
		"Contents", "Font", "ProcSet", "XObject", "ExtGState", "Annots", "Rect", "FS",
		"OutputIntents", "OutputIntent", "S", "GTS_PDFA1", "DestOutputProfile", "MarkInfo",
		"Lang", "ViewerPreferences", "PageMode", "Producer", "Creator", "Title", "Author",
		"FontDescriptor", "BaseFont", "Encoding", "Widths", "FirstChar", "LastChar", "DL",
		"text/xml", "text#2Fxml", "application/xml", "Length1", "Length2", "Length3"} {
		m[s] = Name(s)
	}
	return m
}()

// parseName reads a name at pos ('/').
func (p *parser) parseName() Name {
	p.pos++ // '/'
	start := p.pos
	escaped := false
	for p.pos < len(p.b) && isRegular(p.b[p.pos]) {
		if p.b[p.pos] == '#' {
			escaped = true
		}
		p.pos++
	}
	raw := p.b[start:p.pos]
	if !escaped {
		if n, ok := commonNames[string(raw)]; ok {
			return n
		}
		return Name(raw)
	}
	out := make([]byte, 0, len(raw))
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		if c == '#' && i+2 < len(raw) {
			h, ok1 := unhex(raw[i+1])
			l, ok2 := unhex(raw[i+2])
			if ok1 && ok2 {
				out = append(out, h<<4|l)
				i += 2
				continue
			}
		}
		out = append(out, c)
	}
	return Name(out)
}

// parseLiteral reads a literal string at pos ('(').
func (p *parser) parseLiteral() (Object, error) {
	start := p.pos
	p.pos++
	b := p.b
	// Fast path: no escapes, no nesting, no CR.
	for i := p.pos; i < len(b); i++ {
		c := b[i]
		if c == ')' {
			s := String(bytes.Clone(b[p.pos:i]))
			p.pos = i + 1
			return s, nil
		}
		if c == '\\' || c == '(' || c == '\r' {
			break
		}
	}
	var out []byte
	depth := 1
	for p.pos < len(b) {
		c := b[p.pos]
		p.pos++
		switch c {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return String(out), nil
			}
		case '\r':
			// An end of line in a string is read as \n.
			if p.pos < len(b) && b[p.pos] == '\n' {
				p.pos++
			}
			c = '\n'
		case '\\':
			if p.pos >= len(b) {
				continue
			}
			e := b[p.pos]
			p.pos++
			switch e {
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			case 't':
				c = '\t'
			case 'b':
				c = '\b'
			case 'f':
				c = '\f'
			case '\r':
				if p.pos < len(b) && b[p.pos] == '\n' {
					p.pos++
				}
				continue // line continuation
			case '\n':
				continue
			default:
				if e >= '0' && e <= '7' {
					v := int(e - '0')
					for k := 0; k < 2 && p.pos < len(b) && b[p.pos] >= '0' && b[p.pos] <= '7'; k++ {
						v = v*8 + int(b[p.pos]-'0')
						p.pos++
					}
					c = byte(v)
				} else {
					c = e // \( \) \\ and unknown escapes: the character
				}
			}
		}
		if len(out) < maxStringLen {
			out = append(out, c)
		}
	}
	// The position stays at the end: the caller charges what was read.
	return nil, &Error{Offset: int64(start), Msg: "unterminated literal string", Err: ErrSyntax}
}

// parseHex reads a hexadecimal string at pos ('<').
func (p *parser) parseHex() (Object, error) {
	start := p.pos
	p.pos++
	out := make([]byte, 0, 16)
	var hi byte
	half := false
	for p.pos < len(p.b) {
		c := p.b[p.pos]
		p.pos++
		if c == '>' {
			if half {
				out = append(out, hi<<4)
			}
			return String(out), nil
		}
		if isWhite(c) {
			continue
		}
		v, ok := unhex(c)
		if !ok {
			p.pos--
			return nil, p.errorf("invalid character in hexadecimal string")
		}
		if half {
			if len(out) < maxStringLen {
				out = append(out, hi<<4|v)
			}
		} else {
			hi = v
		}
		half = !half
	}
	return nil, &Error{Offset: int64(start), Msg: "unterminated hexadecimal string", Err: ErrSyntax}
}

func (p *parser) parseArray(depth int) (Object, error) {
	p.pos++ // '['
	arr := Array{}
	for {
		p.skipSpace()
		if p.pos >= len(p.b) {
			return nil, p.errorf("unterminated array")
		}
		if p.b[p.pos] == ']' {
			p.pos++
			return arr, nil
		}
		o, err := p.parseObject(depth)
		if err != nil {
			return nil, err
		}
		if len(arr) >= maxElements {
			return nil, p.errorf("array too long")
		}
		arr = append(arr, o)
	}
}

func (p *parser) parseDict(depth int) (Object, error) {
	p.pos += 2 // "<<"
	d := make(Dict, 0, 8)
	for {
		p.skipSpace()
		if p.pos >= len(p.b) {
			return nil, p.errorf("unterminated dictionary")
		}
		c := p.b[p.pos]
		if c == '>' {
			if p.pos+1 < len(p.b) && p.b[p.pos+1] == '>' {
				p.pos += 2
				return d, nil
			}
			return nil, p.errorf("unexpected '>' in dictionary")
		}
		if c != '/' {
			return nil, p.errorf("dictionary key is not a name")
		}
		key := p.parseName()
		p.skipSpace()
		if p.pos+1 < len(p.b) && p.b[p.pos] == '>' && p.b[p.pos+1] == '>' {
			// "/Key >>": a key without value, read as null.
			d = append(d, KeyValue{key, nil})
			continue
		}
		v, err := p.parseObject(depth)
		if err != nil {
			return nil, err
		}
		if len(d) >= maxElements {
			return nil, p.errorf("dictionary too long")
		}
		d = append(d, KeyValue{key, v})
	}
}

// ParseObject parses the direct object at the start of b (a test and fuzz
// entry point; references are returned as Ref, not resolved).
func ParseObject(b []byte) (Object, error) {
	p := parser{b: b}
	return p.parseObject(0)
}

// objHeader reads "N G obj" at pos, skipping leading space.
func (p *parser) objHeader() (num, gen int, ok bool) {
	p.skipSpace()
	n, ok1 := p.uint()
	if !ok1 {
		return 0, 0, false
	}
	p.skipSpace()
	g, ok2 := p.uint()
	if !ok2 || n > 1<<31 || g > 65535 {
		return 0, 0, false
	}
	if !p.acceptKeyword("obj") {
		// Lenient: "1 0 obj<<" has a delimiter right after obj, which
		// acceptKeyword handles; "1 0obj" does not occur in practice.
		return 0, 0, false
	}
	return int(n), int(g), true
}
