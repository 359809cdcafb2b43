package schematron

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// expr is a compiled expression.
type expr interface {
	eval(c *ctx) seq
}

type parser struct {
	toks []token
	i    int
	src  string
	vars int // the variable references parsed so far
}

// codeListLookup is the Factur-X schematrons' lookup of a value in their
// code database, which compile turns into a call of in-code-list(name, id,
// value) that looks it up in a set (Set.CodeLists).
var codeListLookup = regexp.MustCompile(`document\('([^']+)'\)/codedb/cl\[@id=(\d+)\]/enumeration\[@value=(\$[\w-]+)\]`)

// compile parses an XPath expression of the subset.
func compile(src string) (e expr, err error) {
	src = codeListLookup.ReplaceAllString(src, "in-code-list('$1', $2, $3)")
	toks, err := lex(src)
	if err != nil {
		return nil, err
	}
	p := &parser{toks: toks, src: src}
	defer func() {
		if r := recover(); r != nil {
			pe, ok := r.(parseError)
			if !ok {
				panic(r)
			}
			e, err = nil, pe
		}
	}()
	e = p.expr()
	if p.peek().k != tEOF {
		p.fail("unexpected %q", p.peek().s)
	}
	return e, nil
}

type parseError string

func (e parseError) Error() string { return string(e) }

func (p *parser) fail(format string, args ...any) {
	panic(parseError(fmt.Sprintf("%s at %d in %q", fmt.Sprintf(format, args...), p.peek().pos, p.src)))
}

func (p *parser) peek() token  { return p.toks[p.i] }
func (p *parser) peek2() token { return p.toks[min(p.i+1, len(p.toks)-1)] }
func (p *parser) next() token  { t := p.toks[p.i]; p.i++; return t }

func (p *parser) isName(s string) bool {
	t := p.peek()
	return t.k == tName && t.s == s
}

func (p *parser) expect(k tokKind, what string) token {
	if p.peek().k != k {
		p.fail("expected %s", what)
	}
	return p.next()
}

// expr := single (',' single)*
func (p *parser) expr() expr {
	e := p.single()
	if p.peek().k != tComma {
		return e
	}
	s := seqExpr{e}
	for p.peek().k == tComma {
		p.next()
		s = append(s, p.single())
	}
	return s
}

func (p *parser) single() expr {
	if (p.isName("some") || p.isName("every")) && p.peek2().k == tVar {
		every := p.next().s == "every"
		v := p.next().s
		if !p.isName("in") {
			p.fail("expected in")
		}
		p.next()
		in := p.single()
		if !p.isName("satisfies") {
			p.fail("expected satisfies")
		}
		p.next()
		return quantExpr{every: every, v: v, in: in, sat: p.single()}
	}
	return p.or()
}

func (p *parser) or() expr {
	e := p.and()
	for p.isName("or") {
		p.next()
		e = orExpr{e, p.and()}
	}
	return e
}

func (p *parser) and() expr {
	e := p.comparison()
	for p.isName("and") {
		p.next()
		e = andExpr{e, p.comparison()}
	}
	return e
}

var valueComp = map[string]string{"eq": "=", "ne": "!=", "lt": "<", "le": "<=", "gt": ">", "ge": ">="}

func (p *parser) comparison() expr {
	e := p.additive()
	t := p.peek()
	op := ""
	switch {
	case t.k == tOp && t.s != "+" && t.s != "-":
		op = t.s
	case t.k == tName && valueComp[t.s] != "":
		op = valueComp[t.s]
	}
	if op == "" {
		return e
	}
	p.next()
	return cmpExpr{op: op, l: e, r: p.additive()}
}

func (p *parser) additive() expr {
	e := p.multiplicative()
	for p.peek().k == tOp && (p.peek().s == "+" || p.peek().s == "-") {
		op := p.next().s
		e = arithExpr{op: op, l: e, r: p.multiplicative()}
	}
	return e
}

func (p *parser) multiplicative() expr {
	e := p.unary()
	for {
		t := p.peek()
		var op string
		switch {
		case t.k == tStar:
			op = "*"
		case t.k == tName && (t.s == "div" || t.s == "mod" || t.s == "idiv"):
			op = t.s
		default:
			return e
		}
		p.next()
		e = arithExpr{op: op, l: e, r: p.unary()}
	}
}

func (p *parser) unary() expr {
	if p.peek().k == tOp && p.peek().s == "-" {
		p.next()
		return arithExpr{op: "-", l: numExpr(0), r: p.unary()}
	}
	return p.union()
}

func (p *parser) union() expr {
	e := p.path()
	if p.peek().k != tPipe && !p.isName("union") {
		return e
	}
	u := unionExpr{e}
	for p.peek().k == tPipe || p.isName("union") {
		p.next()
		u = append(u, p.path())
	}
	return u
}

// path := '/' rel? | '//' rel | rel
func (p *parser) path() expr {
	pe := &pathExpr{}
	vars := p.vars
	defer func() {
		// An absolute path without variables has one value per document.
		pe.pure = pe.abs && p.vars == vars
	}()
	switch p.peek().k {
	case tSlash:
		p.next()
		pe.abs = true
		if !p.startsStep() {
			return pe
		}
	case tSlash2:
		p.next()
		pe.abs = true
		pe.steps = append(pe.steps, descOrSelf())
	}
	pe.steps = append(pe.steps, p.step())
	for p.peek().k == tSlash || p.peek().k == tSlash2 {
		if p.next().k == tSlash2 {
			pe.steps = append(pe.steps, descOrSelf())
		}
		pe.steps = append(pe.steps, p.step())
	}
	if !pe.abs && len(pe.steps) == 1 {
		if f, ok := pe.steps[0].(*filterStep); ok && len(f.preds) == 0 {
			return f.primary
		}
	}
	pe.fuse()
	return pe
}

func (p *parser) startsStep() bool {
	switch p.peek().k {
	case tName, tStar, tAt, tDot, tDot2, tLParen, tVar, tStr, tNum:
		return true
	}
	return false
}

var axes = map[string]axis{
	"child": axChild, "attribute": axAttr, "self": axSelf, "parent": axParent,
	"ancestor": axAncestor, "ancestor-or-self": axAncestorOrSelf,
	"descendant": axDesc, "descendant-or-self": axDescOrSelf,
	"preceding": axPreceding, "following": axFollowing,
	"preceding-sibling": axPrecSibling, "following-sibling": axFollSibling,
}

func (p *parser) step() step {
	t := p.peek()
	var s step
	switch {
	case t.k == tDot2:
		p.next()
		s = &axisStep{axis: axParent, test: nodeTest{any: true}}
	case t.k == tAt:
		p.next()
		s = &axisStep{axis: axAttr, test: p.nodeTest()}
	case t.k == tName && p.peek2().k == tAxis:
		ax, ok := axes[t.s]
		if !ok {
			p.fail("unknown axis %s", t.s)
		}
		p.next()
		p.next()
		s = &axisStep{axis: ax, test: p.nodeTest()}
	case t.k == tStar || t.k == tName && (p.peek2().k != tLParen || t.s == "node" || t.s == "text"):
		s = &axisStep{axis: axChild, test: p.nodeTest()}
	default:
		s = &filterStep{primary: p.primary()}
	}
	for p.peek().k == tLBrack {
		p.next()
		pred := p.expr()
		p.expect(tRBrack, "]")
		s.addPred(pred)
	}
	return s
}

func (p *parser) nodeTest() nodeTest {
	t := p.next()
	switch {
	case t.k == tStar:
		return nodeTest{any: true, elemOnly: true}
	case t.k == tName && (t.s == "node" || t.s == "text") && p.peek().k == tLParen:
		p.next()
		p.expect(tRParen, ")")
		return nodeTest{any: true, text: t.s == "text"}
	case t.k == tName && strings.HasSuffix(t.s, ":*"):
		return nodeTest{prefix: t.s[:len(t.s)-1], elemOnly: true}
	case t.k == tName:
		return nodeTest{name: t.s}
	}
	p.fail("expected a name test")
	return nodeTest{}
}

func (p *parser) primary() expr {
	t := p.next()
	switch t.k {
	case tStr:
		return strExpr(t.s)
	case tNum:
		f, err := strconv.ParseFloat(t.s, 64)
		if err != nil {
			p.fail("bad number %s", t.s)
		}
		return numExpr(f)
	case tVar:
		p.vars++
		return varExpr(t.s)
	case tDot:
		return ctxExpr{}
	case tLParen:
		if p.peek().k == tRParen {
			p.next()
			return seqExpr{}
		}
		e := p.expr()
		p.expect(tRParen, ")")
		return parenExpr{e}
	case tName:
		p.expect(tLParen, "(")
		var args []expr
		for p.peek().k != tRParen {
			args = append(args, p.single())
			if p.peek().k == tComma {
				p.next()
			} else {
				break
			}
		}
		p.expect(tRParen, ")")
		return p.call(t.s, args)
	}
	p.i--
	p.fail("unexpected %q", t.s)
	return nil
}

// arities holds the functions of the subset with their argument counts.
var arities = map[string][2]int{
	"not": {1, 1}, "count": {1, 1}, "exists": {1, 1}, "empty": {1, 1},
	"true": {0, 0}, "false": {0, 0}, "boolean": {1, 1},
	"normalize-space": {0, 1}, "string": {0, 1}, "string-length": {0, 1},
	"upper-case": {1, 1}, "lower-case": {1, 1},
	"contains": {2, 2}, "starts-with": {2, 2}, "ends-with": {2, 2},
	"substring-after": {2, 2}, "substring-before": {2, 2}, "concat": {2, 99},
	"matches": {2, 2}, "tokenize": {2, 2},
	"number": {0, 1}, "xs:decimal": {1, 1}, "xs:double": {1, 1}, "sum": {1, 1},
	"round": {1, 1}, "abs": {1, 1}, "floor": {1, 1}, "ceiling": {1, 1},
	"name": {0, 1}, "local-name": {0, 1}, "distinct-values": {1, 1},
	"position": {0, 0}, "last": {0, 0},
	"in-code-list": {3, 3}, // see codeListLookup
}

func (p *parser) call(name string, args []expr) expr {
	ar, ok := arities[name]
	if !ok {
		p.fail("unknown function %s", name)
	}
	if len(args) < ar[0] || len(args) > ar[1] {
		p.fail("%s takes %d..%d arguments, not %d", name, ar[0], ar[1], len(args))
	}
	c := &callExpr{name: name, args: args}
	if name == "matches" || name == "tokenize" {
		lit, ok := args[1].(strExpr)
		if !ok {
			p.fail("%s needs a literal pattern", name)
		}
		re, err := regexp.Compile(string(lit))
		if err != nil {
			p.fail("%s: %v", name, err)
		}
		c.re = re
	}
	return c
}
