package facturx

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/einvoice-go/einvoice/internal/pdfgen"
)

// The page: A4, coordinates from the top left corner, y downwards; the
// renderer turns them into PDF's.
const (
	pageW        = pdfgen.A4Width
	pageH        = pdfgen.A4Height
	marginX      = 42.0
	marginTop    = 40.0
	contentW     = pageW - 2*marginX
	contentLimit = pageH - 62 // the lowest y of the content; the footer is below
	footerRule   = pageH - 50
)

// Colours: DeviceGray only, which suits any output intent.
var (
	colText   = pdfgen.Gray(0.1)
	colMuted  = pdfgen.Gray(0.4)
	colRule   = pdfgen.Gray(0.78)
	colFaint  = pdfgen.Gray(0.88)
	colShade  = pdfgen.Gray(0.94)
	colStrong = pdfgen.Gray(0)
)

// style is a font, a size and a colour.
type style struct {
	font  *pdfgen.Font
	size  float64
	color pdfgen.Color
}

// lead is the height of a line of text in the style.
func (s style) lead() float64 { return s.size * 1.32 }

// run is a line of text in a block: x and top relative to the block.
type run struct {
	x, top float64
	st     style
	s      string
}

// shape is a rectangle fill or a horizontal rule in a block.
type shape struct {
	x, top, w, h float64
	fill         bool
	lw           float64
	c            pdfgen.Color
}

// align is where a line of text sits in its box.
type align int

const (
	left align = iota
	right
)

// block is a piece of layout measured before it is placed: a width, a
// height and what to draw, relative to its top left corner.
type block struct {
	w, h   float64
	runs   []run
	shapes []shape
}

// text lays out s in the box from x to x+w starting at top, wrapped, and
// returns the height it takes. s must have been cleaned.
func (b *block) text(st style, s string, x, top, w float64, a align) float64 {
	if s == "" {
		return 0
	}
	lines := wrap(st, s, w)
	for i, ln := range lines {
		lx := x
		if a == right {
			lx = x + w - st.font.Width(ln, st.size)
		}
		b.runs = append(b.runs, run{x: lx, top: top + float64(i)*st.lead(), st: st, s: ln})
	}
	return float64(len(lines)) * st.lead()
}

// add appends s as new lines at the bottom of the block, indented by x.
func (b *block) add(st style, s string, x float64) {
	b.h += b.text(st, s, x, b.h, b.w-x, left)
}

// kv appends a label and its value side by side: the label in the first
// lw points, the value after it, both wrapped.
func (b *block) kv(lst, vst style, label, value string, lw float64) {
	if value == "" {
		return
	}
	h1 := b.text(lst, label, 0, b.h+vst.size-lst.size, lw-4, left) // same baseline
	h2 := b.text(vst, value, lw, b.h, b.w-lw, left)
	b.h += max(h1, h2)
}

// gap adds vertical space.
func (b *block) gap(h float64) { b.h += h }

// rule adds a horizontal line across the block at top.
func (b *block) rule(top, lw float64, c pdfgen.Color) {
	b.shapes = append(b.shapes, shape{x: 0, top: top, w: b.w, lw: lw, c: c})
}

// place puts another block inside b at (x, top).
func (b *block) place(o *block, x, top float64) {
	for _, r := range o.runs {
		r.x += x
		r.top += top
		b.runs = append(b.runs, r)
	}
	for _, s := range o.shapes {
		s.x += x
		s.top += top
		b.shapes = append(b.shapes, s)
	}
}

// wrap breaks s into lines no wider than w: at spaces, at newlines, and
// inside a word only when the word alone is wider than the line.
func wrap(st style, s string, w float64) []string {
	var out []string
	width := func(t string) float64 { return st.font.Width(t, st.size) }
	for para := range strings.SplitSeq(s, "\n") {
		// Split at spaces only: a no-break space holds figures together.
		words := strings.FieldsFunc(para, isSpace)
		if len(words) == 0 {
			continue
		}
		line := ""
		for _, word := range words {
			cand := word
			if line != "" {
				cand = line + " " + word
			}
			if width(cand) <= w {
				line = cand
				continue
			}
			if line != "" {
				out = append(out, line)
			}
			line = word
			for width(line) > w {
				head, tail := breakWord(line, w, width)
				out = append(out, head)
				line = tail
			}
		}
		if line != "" {
			out = append(out, line)
		}
	}
	return out
}

func isSpace(r rune) bool { return r == ' ' }

// breakWord splits a word too wide for w: the longest head that fits (at
// least one rune) and the rest.
func breakWord(word string, w float64, width func(string) float64) (string, string) {
	cut := 0
	for i, r := range word {
		next := i + utf8.RuneLen(r)
		if cut > 0 && width(word[:next]) > w {
			break
		}
		cut = next
	}
	return word[:cut], word[cut:]
}

// clean prepares a text of the invoice for drawing: line separators become
// newlines; narrow and figure no-break spaces a no-break space; other white
// space (tabs, thin spaces) a space; a non-breaking hyphen a hyphen;
// control characters and invisible format characters (soft hyphen,
// zero-width space and joiners, byte order mark) nothing.
func clean(s string) string {
	ok := true
	for _, r := range s {
		if r < 0x20 && r != '\n' || r >= 0x7F && r != 0xA0 && cleanRune(r) != r {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	return strings.Map(cleanRune, strings.ReplaceAll(s, "\r\n", "\n"))
}

func cleanRune(r rune) rune {
	switch r {
	case '\n', '\r', 0x2028, 0x2029, 0x85:
		return '\n'
	case 0xA0, 0x202F, 0x2007:
		return 0xA0
	case 0x2011:
		return '-'
	case 0xAD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF:
		return -1
	}
	switch {
	case unicode.IsSpace(r):
		return ' '
	case r < 0x20 || r == 0x7F || unicode.Is(unicode.Cc, r):
		return -1
	}
	return r
}

// page management and drawing.

// newPage starts a page; from the second page on, a running head names
// the document.
func (r *renderer) newPage() {
	r.page = r.doc.NewPage(pageW, pageH)
	r.pageNo = r.doc.Pages()
	r.y = marginTop
	if r.doc.Pages() > 1 {
		// One line: the document's number and the seller's name, cut
		// short if need be (page 1 shows them in full).
		b := &block{w: contentW}
		head := wrap(r.sSmallBold, r.runningHead, contentW*0.7-8)
		if len(head) > 1 {
			head = wrap(r.sSmallBold, r.runningHead, contentW*0.7-8-r.sSmallBold.font.Width("…", r.sSmallBold.size))
			head[0] += "…"
		}
		if len(head) > 0 {
			b.runs = append(b.runs, run{x: 0, top: 0, st: r.sSmallBold, s: head[0]})
		}
		b.text(r.sSmall, r.runningRight, contentW*0.7, 0, contentW*0.3, right)
		b.h = r.sSmallBold.lead() + 4
		b.rule(b.h, 0.5, colRule)
		b.h += 10
		r.draw(b, marginX, r.y)
		r.y += b.h
	}
}

// room is the height left on the page.
func (r *renderer) room() float64 { return contentLimit - r.y }

// draw draws a block with its top left corner at (x, y).
func (r *renderer) draw(b *block, x, y float64) {
	r.drawPart(b, x, y, 0, b.h+1)
}

// drawPart draws the runs and shapes of b whose top is in [from, to),
// shifted so that from falls at y.
func (r *renderer) drawPart(b *block, x, y, from, to float64) {
	for _, s := range b.shapes {
		if s.top < from || s.top >= to {
			continue
		}
		top := y + s.top - from
		if s.fill {
			r.page.FillRect(x+s.x, pageH-top-s.h, s.w, s.h, s.c)
		} else {
			r.page.Line(x+s.x, pageH-top, x+s.x+s.w, pageH-top, s.lw, s.c)
		}
	}
	for _, rn := range b.runs {
		if rn.top < from || rn.top >= to {
			continue
		}
		base := y + rn.top - from + rn.st.size
		if r.trace != nil {
			r.trace(textBox{page: r.pageNo, x: x + rn.x, top: y + rn.top - from, w: rn.st.font.Width(rn.s, rn.st.size),
				h: rn.st.lead(), bold: rn.st.font == r.bold, size: rn.st.size, s: rn.s})
		}
		if err := r.page.Text(x+rn.x, pageH-base, rn.st.font, rn.st.size, rn.st.color, rn.s); err != nil && r.err == nil {
			r.err = glyphError(err, "")
		}
	}
}

// flow places a block at the cursor, on a new page when it does not fit.
// A block taller than a page is split between lines; header, when not nil,
// is called on each new page (to repeat a table's header).
func (r *renderer) flow(b *block, header func()) {
	if b.h <= r.room() {
		r.draw(b, marginX, r.y)
		r.y += b.h
		return
	}
	fresh := r.y <= r.pageTop()+0.5
	if !fresh && b.h <= contentLimit-r.pageTopAfterBreak() {
		r.newPage()
		if header != nil {
			header()
		}
		r.draw(b, marginX, r.y)
		r.y += b.h
		return
	}
	// Split: cut where no line of text is crossed.
	cuts := b.cuts()
	from := 0.0
	for from < b.h {
		cut := from
		limit := from + r.room()
		if b.h <= limit {
			cut = b.h
		} else if i := sort.SearchFloat64s(cuts, limit+0.001) - 1; i >= 0 && cuts[i] > from {
			cut = cuts[i]
		}
		if cut <= from {
			if r.y > r.pageTop()+0.5 {
				r.newPage()
				if header != nil {
					header()
				}
				continue
			}
			cut = b.forceCut(from) // a line taller than a page: nothing better
		}
		to := cut
		if cut >= b.h {
			to = b.h + 1 // the block's closing rule
		}
		r.drawPart(b, marginX, r.y, from, to)
		r.y += cut - from
		from = cut
		if from < b.h {
			r.newPage()
			if header != nil {
				header()
			}
		}
	}
}

// pageTop is the cursor at the top of the current page, below the running
// head.
func (r *renderer) pageTop() float64 {
	if r.doc.Pages() > 1 {
		return r.pageTopAfterBreak()
	}
	return marginTop
}

// pageTopAfterBreak is the cursor at the top of a continuation page, table
// header included when one is being repeated.
func (r *renderer) pageTopAfterBreak() float64 {
	return marginTop + r.runningHeadH + r.repeatH
}

// cuts returns, in increasing order, the heights at which b can be cut
// without crossing a line of text: the tops of lines that no line above
// reaches into.
func (b *block) cuts() []float64 {
	runs := append([]run(nil), b.runs...)
	sort.Slice(runs, func(i, j int) bool { return runs[i].top < runs[j].top })
	var cuts []float64
	bottom := 0.0 // the lowest bottom of the runs above
	for i, rn := range runs {
		if i > 0 && rn.top > runs[i-1].top && bottom <= rn.top+0.01 {
			cuts = append(cuts, rn.top)
		}
		bottom = max(bottom, rn.top+rn.st.lead())
	}
	return cuts
}

// forceCut returns the first cut after from that crosses as little as
// possible: the end of the first line.
func (b *block) forceCut(from float64) float64 {
	end := b.h
	for _, rn := range b.runs {
		if rn.top >= from {
			end = min(end, rn.top+rn.st.lead())
		}
	}
	if end <= from {
		return b.h
	}
	return end
}
