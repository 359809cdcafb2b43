package schematron

import (
	"cmp"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

type itemKind uint8

const (
	kNode itemKind = iota // an element, or the document node
	kAttr                 // an attribute: n is its element, a its index
	kStr                  // a string
	kNum                  // a number
	kBool                 // a boolean
)

type item struct {
	k itemKind
	n *Node
	a int
	s string
	f float64
	b bool
}

type seq []item

func nodeItem(n *Node) item { return item{k: kNode, n: n} }
func boolSeq(b bool) seq    { return seq{{k: kBool, b: b}} }
func numSeq(f float64) seq  { return seq{{k: kNum, f: f}} }
func strSeq(s string) seq   { return seq{{k: kStr, s: s}} }

// ctx is the dynamic context of an evaluation.
type ctx struct {
	item      item
	pos, size int
	vars      map[string]seq
	doc       *Doc
	lists     map[string]map[int]map[string]bool
}

func (c *ctx) with(it item, pos, size int) *ctx {
	d := *c
	d.item, d.pos, d.size = it, pos, size
	return &d
}

// isNodeKind reports whether the item is a node (element or attribute).
func (it item) isNode() bool { return it.k == kNode || it.k == kAttr }

// str is the item's string value.
func (it item) str() string {
	switch it.k {
	case kNode:
		return it.n.StringValue()
	case kAttr:
		return it.n.Attrs[it.a].Value
	case kStr:
		return it.s
	case kNum:
		return fmtNum(it.f)
	case kBool:
		if it.b {
			return "true"
		}
		return "false"
	}
	return ""
}

func fmtNum(f float64) string {
	if math.IsNaN(f) {
		return "NaN"
	}
	if f == math.Trunc(f) && math.Abs(f) < 1e15 {
		return strconv.FormatInt(int64(f), 10)
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// num is the item's numeric value, NaN when it is not a number.
func (it item) num() float64 {
	switch it.k {
	case kNum:
		return it.f
	case kBool:
		if it.b {
			return 1
		}
		return 0
	}
	f, err := strconv.ParseFloat(strings.TrimSpace(it.str()), 64)
	if err != nil {
		return math.NaN()
	}
	return f
}

// ebv is the effective boolean value of s.
func ebv(s seq) bool {
	if len(s) == 0 {
		return false
	}
	it := s[0]
	if it.isNode() {
		return true
	}
	switch it.k {
	case kBool:
		return it.b
	case kStr:
		return it.s != ""
	case kNum:
		return it.f != 0 && !math.IsNaN(it.f)
	}
	return false
}

// order returns a sort key in document order.
func (it item) order() (int, int) {
	if it.k == kAttr {
		return it.n.order, it.a + 1
	}
	return it.n.order, 0
}

// before reports whether a precedes b in document order.
func before(a, b item) bool {
	a1, a2 := a.order()
	b1, b2 := b.order()
	return a1 < b1 || a1 == b1 && a2 < b2
}

// sortDedup puts nodes in document order without duplicates. Axis results
// come in order or in reverse order; only unions need a sort.
func sortDedup(s seq) seq {
	if len(s) < 2 {
		return s
	}
	sorted, reversed := true, true
	for i := 1; i < len(s) && (sorted || reversed); i++ {
		if !before(s[i-1], s[i]) {
			sorted = false
		}
		if !before(s[i], s[i-1]) {
			reversed = false
		}
	}
	switch {
	case sorted:
		return s
	case reversed:
		slices.Reverse(s)
		return s
	}
	slices.SortStableFunc(s, func(a, b item) int {
		switch {
		case before(a, b):
			return -1
		case before(b, a):
			return 1
		}
		return 0
	})
	out := s[:1]
	for _, it := range s[1:] {
		last := out[len(out)-1]
		if it.k == last.k && it.n == last.n && it.a == last.a {
			continue
		}
		out = append(out, it)
	}
	return out
}

type (
	strExpr   string
	numExpr   float64
	varExpr   string
	ctxExpr   struct{}
	parenExpr struct{ e expr }
	seqExpr   []expr
	unionExpr []expr
	orExpr    struct{ l, r expr }
	andExpr   struct{ l, r expr }
	cmpExpr   struct {
		op   string
		l, r expr
	}
	arithExpr struct {
		op   string
		l, r expr
	}
	quantExpr struct {
		every   bool
		v       string
		in, sat expr
	}
	callExpr struct {
		name string
		args []expr
		re   *regexp.Regexp
	}
)

func (e strExpr) eval(*ctx) seq   { return strSeq(string(e)) }
func (e numExpr) eval(*ctx) seq   { return numSeq(float64(e)) }
func (e varExpr) eval(c *ctx) seq { return c.vars[string(e)] }
func (ctxExpr) eval(c *ctx) seq   { return seq{c.item} }
func (e parenExpr) eval(c *ctx) seq {
	return e.e.eval(c)
}

func (e seqExpr) eval(c *ctx) seq {
	var out seq
	for _, x := range e {
		out = append(out, x.eval(c)...)
	}
	return out
}

func (e unionExpr) eval(c *ctx) seq {
	var out seq
	for _, x := range e {
		out = append(out, x.eval(c)...)
	}
	return sortDedup(out)
}

func (e orExpr) eval(c *ctx) seq  { return boolSeq(evalBool(c, e)) }
func (e andExpr) eval(c *ctx) seq { return boolSeq(evalBool(c, e)) }

func (e quantExpr) eval(c *ctx) seq {
	in := e.in.eval(c)
	for _, it := range in {
		d := *c
		d.vars = make(map[string]seq, len(c.vars)+1)
		for k, v := range c.vars {
			d.vars[k] = v
		}
		d.vars[e.v] = seq{it}
		ok := ebv(e.sat.eval(&d))
		if e.every && !ok {
			return boolSeq(false)
		}
		if !e.every && ok {
			return boolSeq(true)
		}
	}
	return boolSeq(e.every)
}

// eval of a general comparison: true when some pair of atomized values
// compares so. An untyped value (a node's) compared with a number is
// compared as a number, otherwise as a string; booleans as booleans.
func (e cmpExpr) eval(c *ctx) seq {
	l, r := e.l.eval(c), e.r.eval(c)
	for _, a := range l {
		for _, b := range r {
			if compare(e.op, a, b) {
				return boolSeq(true)
			}
		}
	}
	return boolSeq(false)
}

func compare(op string, a, b item) bool {
	switch {
	case a.k == kBool || b.k == kBool:
		x, y := toBool(a), toBool(b)
		switch op {
		case "=":
			return x == y
		case "!=":
			return x != y
		}
		return cmpNum(op, b2f(x), b2f(y))
	case a.k == kNum || b.k == kNum:
		return cmpNum(op, a.num(), b.num())
	}
	return cmpOrdered(op, a.str(), b.str())
}

// toBool is an item compared with a boolean: a node's value cast to
// xs:boolean ("true" or "1"), any other item's effective boolean value.
func toBool(it item) bool {
	if it.isNode() {
		v := strings.TrimSpace(it.str())
		return v == "true" || v == "1"
	}
	return ebv(seq{it})
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

func cmpNum(op string, x, y float64) bool { return cmpOrdered(op, x, y) }

// cmpOrdered compares x and y with the operator op. A NaN compares false
// but with !=, as in XPath.
func cmpOrdered[T cmp.Ordered](op string, x, y T) bool {
	switch op {
	case "=":
		return x == y
	case "!=":
		return x != y
	case "<":
		return x < y
	case "<=":
		return x <= y
	case ">":
		return x > y
	case ">=":
		return x >= y
	}
	return false
}

func (e arithExpr) eval(c *ctx) seq {
	l, r := e.l.eval(c), e.r.eval(c)
	if len(l) == 0 || len(r) == 0 {
		return nil
	}
	x, y := l[0].num(), r[0].num()
	switch e.op {
	case "+":
		return numSeq(x + y)
	case "-":
		return numSeq(x - y)
	case "*":
		return numSeq(x * y)
	case "div":
		return numSeq(x / y)
	case "idiv":
		return numSeq(math.Trunc(x / y))
	case "mod":
		return numSeq(math.Mod(x, y))
	}
	return nil
}

// normalize is normalize-space: XML white space (space, tab, CR, LF)
// collapsed, not Unicode's (a no-break space stays).
func normalize(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\r' }), " ")
}

// argStr is the string value of the first item of an argument, or of the
// context item when the function has no argument.
func (e *callExpr) argStr(c *ctx, i int) string {
	if i >= len(e.args) {
		return c.item.str()
	}
	switch a := e.args[i].(type) {
	case strExpr:
		return string(a)
	case ctxExpr:
		return c.item.str()
	case *callExpr:
		if (a.name == "name" || a.name == "local-name") && len(a.args) == 0 && c.item.k == kNode {
			if a.name == "name" {
				return c.item.n.Name
			}
			return c.item.n.Local
		}
		if a.name == "normalize-space" {
			return normalize(a.argStr(c, 0))
		}
	}
	s := e.args[i].eval(c)
	if len(s) == 0 {
		return ""
	}
	return s[0].str()
}

func (e *callExpr) eval(c *ctx) seq {
	switch e.name {
	case "not":
		return boolSeq(!evalBool(c, e.args[0]))
	case "boolean":
		return boolSeq(ebv(e.args[0].eval(c)))
	case "count":
		return numSeq(float64(len(e.args[0].eval(c))))
	case "exists":
		return boolSeq(len(e.args[0].eval(c)) > 0)
	case "empty":
		return boolSeq(len(e.args[0].eval(c)) == 0)
	case "true":
		return boolSeq(true)
	case "false":
		return boolSeq(false)
	case "position":
		return numSeq(float64(c.pos))
	case "last":
		return numSeq(float64(c.size))
	case "normalize-space":
		return strSeq(normalize(e.argStr(c, 0)))
	case "string":
		return strSeq(e.argStr(c, 0))
	case "string-length":
		return numSeq(float64(len([]rune(e.argStr(c, 0)))))
	case "upper-case":
		return strSeq(strings.ToUpper(e.argStr(c, 0)))
	case "lower-case":
		return strSeq(strings.ToLower(e.argStr(c, 0)))
	case "contains":
		return boolSeq(strings.Contains(e.argStr(c, 0), e.argStr(c, 1)))
	case "starts-with":
		return boolSeq(strings.HasPrefix(e.argStr(c, 0), e.argStr(c, 1)))
	case "ends-with":
		return boolSeq(strings.HasSuffix(e.argStr(c, 0), e.argStr(c, 1)))
	case "substring-after":
		s, sep := e.argStr(c, 0), e.argStr(c, 1)
		if i := strings.Index(s, sep); i >= 0 {
			return strSeq(s[i+len(sep):])
		}
		return strSeq("")
	case "substring-before":
		s, sep := e.argStr(c, 0), e.argStr(c, 1)
		if i := strings.Index(s, sep); i >= 0 {
			return strSeq(s[:i])
		}
		return strSeq("")
	case "concat":
		var b strings.Builder
		for i := range e.args {
			b.WriteString(e.argStr(c, i))
		}
		return strSeq(b.String())
	case "matches":
		return boolSeq(e.re.MatchString(e.argStr(c, 0)))
	case "tokenize":
		var out seq
		for _, t := range e.re.Split(e.argStr(c, 0), -1) {
			out = append(out, item{k: kStr, s: t})
		}
		return out
	case "number", "xs:decimal", "xs:double":
		if len(e.args) == 0 {
			return numSeq(c.item.num())
		}
		s := e.args[0].eval(c)
		if len(s) == 0 {
			if e.name == "number" {
				return numSeq(math.NaN())
			}
			return nil
		}
		return numSeq(s[0].num())
	case "sum":
		t := 0.0
		for _, it := range e.args[0].eval(c) {
			t += it.num()
		}
		return numSeq(t)
	case "round", "abs", "floor", "ceiling":
		s := e.args[0].eval(c)
		if len(s) == 0 {
			return nil
		}
		f := s[0].num()
		switch e.name {
		case "round":
			f = math.Floor(f + 0.5)
		case "abs":
			f = math.Abs(f)
		case "floor":
			f = math.Floor(f)
		case "ceiling":
			f = math.Ceil(f)
		}
		return numSeq(f)
	case "name", "local-name":
		it := c.item
		if len(e.args) > 0 {
			s := e.args[0].eval(c)
			if len(s) == 0 {
				return strSeq("")
			}
			it = s[0]
		}
		var name string
		switch it.k {
		case kNode:
			name = it.n.Name
			if e.name == "local-name" {
				name = it.n.Local
			}
		case kAttr:
			name = it.n.Attrs[it.a].Name
			if i := strings.IndexByte(name, ':'); i >= 0 && e.name == "local-name" {
				name = name[i+1:]
			}
		}
		return strSeq(name)
	case "distinct-values":
		var out seq
		seen := map[string]bool{}
		for _, it := range e.args[0].eval(c) {
			s := it.str()
			if !seen[s] {
				seen[s] = true
				out = append(out, item{k: kStr, s: s})
			}
		}
		return out
	case "in-code-list":
		list := c.lists[e.argStr(c, 0)][int(e.args[1].eval(c)[0].num())]
		for _, it := range e.args[2].eval(c) {
			if list[it.str()] {
				return boolSeq(true)
			}
		}
		return boolSeq(false)
	}
	return nil
}
