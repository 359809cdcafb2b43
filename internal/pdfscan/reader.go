package pdfscan

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
)

// DefaultMaxDecoded is the default of Options.MaxDecoded: 64 MiB.
const DefaultMaxDecoded = 64 << 20

// maxSections bounds the cross-reference sections followed through /Prev
// and /XRefStm.
const maxSections = 1024

// maxObjStmObjects bounds the objects one object stream may declare.
const maxObjStmObjects = 1 << 20

// maxIndexEntries bounds the object index, whatever the file declares (no
// real file comes near): with at most 4 entries per byte of the file, it
// keeps a decompression bomb in a cross-reference stream from filling
// memory.
const maxIndexEntries = 1 << 22

// Options are the settings of Open. The zero value, and nil, mean the
// defaults each field states.
type Options struct {
	// MaxDecoded bounds the bytes all stream decoding of the Reader may
	// produce, together: object streams, cross-reference streams and what
	// the caller decodes. Zero means DefaultMaxDecoded.
	MaxDecoded int64
}

// entry kinds of the object index.
const (
	kindAbsent uint8 = iota
	kindFree
	kindOffset     // uncompressed, at off
	kindCompressed // in object stream number off, at index idx
)

type entry struct {
	kind uint8
	gen  uint16
	idx  int32
	off  int64
	pos  int64 // where the definition is in the file (rebuilt index only)
}

type objStm struct {
	num   int
	data  []byte
	first int
	nums  []int
	offs  []int
	err   error
}

// Reader reads the objects of one PDF file held in memory. It is not safe
// for concurrent use.
type Reader struct {
	data    []byte
	header  int // offset of "%PDF-"
	index   map[int]entry
	trailer Dict

	// rebuilt is set once the index has been rebuilt by scanning; it is
	// done at most once.
	rebuilt bool
	// trailers found by the rebuild scan, in file order.
	scanTrailers []Dict
	// xrefErr is why the cross-reference information was not used, if it
	// was not.
	xrefErr error

	cache     map[int]Object
	resolving map[int]bool
	depth     int
	objstms   map[int]*objStm
	budget    int64
	inflater  inflater

	// parseBudget bounds the bytes the parser may go through, all objects
	// together, so that files crafted to make every parse run to the end
	// of the file (unterminated strings) cost linear time.
	parseBudget int64
	// maxEntries bounds the object index.
	maxEntries int
	// ends are the offsets of "endstream" and of "endobj" in the file,
	// found once, when a stream's /Length is wrong.
	endstreams, endobjs []int
	endsFound           bool
}

// Open indexes the objects of the PDF file data. It fails only when data
// is not a PDF file (ErrNotPDF); a damaged cross-reference is repaired by
// scanning, and what cannot be read is reported when it is asked for.
// Reader keeps data and returns slices of it.
func Open(data []byte, opts *Options) (*Reader, error) {
	head := data[:min(len(data), 1024)]
	h := bytes.Index(head, []byte("%PDF-"))
	if h < 0 {
		return nil, ErrNotPDF
	}
	r := &Reader{
		data:        data,
		header:      h,
		budget:      DefaultMaxDecoded,
		cache:       make(map[int]Object, 16),
		parseBudget: 8*int64(len(data)) + 1<<20,
		maxEntries:  min(maxIndexEntries, 4*len(data)+1<<16),
	}
	if opts != nil && opts.MaxDecoded > 0 {
		r.budget = opts.MaxDecoded
	}
	if err := r.loadXref(); err != nil {
		r.xrefErr = err
		r.rebuild()
	} else if !r.trailer.Has("Root") {
		r.xrefErr = &Error{Offset: -1, Msg: "trailer has no /Root"}
		r.rebuild()
	}
	return r, nil
}

// Repaired reports whether the object index was rebuilt by scanning the
// file, because the cross-reference information was missing or wrong.
func (r *Reader) Repaired() bool { return r.rebuilt }

// XrefError returns why the cross-reference information was found unusable,
// nil when it was used.
func (r *Reader) XrefError() error { return r.xrefErr }

// Trailer returns the trailer dictionary: the newest trailer's entries,
// completed by older ones.
func (r *Reader) Trailer() Dict { return r.trailer }

// Encrypted reports whether the document is encrypted (a trailer holds
// /Encrypt). This package does not decrypt: strings and streams of an
// encrypted document are read as they are stored.
func (r *Reader) Encrypted() bool {
	if r.trailer.Has("Encrypt") {
		return true
	}
	for _, t := range r.scanTrailers {
		if t.Has("Encrypt") {
			return true
		}
	}
	return false
}

// Budget returns how many decoded bytes the Reader may still produce.
func (r *Reader) Budget() int64 { return r.budget }

// ---- cross-reference loading ----------------------------------------

// loadXref reads the cross-reference chain from the last startxref.
func (r *Reader) loadXref() error {
	tail := r.data[max(0, len(r.data)-4096):]
	i := bytes.LastIndex(tail, []byte("startxref"))
	if i < 0 {
		if i = bytes.LastIndex(r.data, []byte("startxref")); i < 0 {
			return &Error{Offset: -1, Msg: "no startxref"}
		}
	} else {
		i += len(r.data) - len(tail)
	}
	p := parser{b: r.data, pos: i + len("startxref")}
	p.skipSpace()
	off, ok := p.uint()
	if !ok {
		return &Error{Offset: int64(i), Msg: "startxref without an offset"}
	}
	r.index = make(map[int]entry, 64)
	visited := map[int64]bool{}
	for n := 0; n < maxSections; n++ {
		if visited[off] {
			break
		}
		visited[off] = true
		prev, err := r.loadSection(off)
		if err != nil && r.header > 0 {
			// Junk before "%PDF-": offsets may count from the header.
			prev, err = r.loadSection(off + int64(r.header))
		}
		if err != nil {
			if n == 0 {
				return err
			}
			// An older section is damaged: keep what the newer ones gave;
			// an object missing from the index triggers a rebuild.
			break
		}
		if prev < 0 {
			break
		}
		off = prev
	}
	return nil
}

// at returns off as an index into the file, if it is one.
func (r *Reader) at(off int64) (int, bool) {
	if off < 0 || off >= int64(len(r.data)) {
		return 0, false
	}
	return int(off), true
}

// loadSection reads the xref section (classic or stream) at off, adds its
// entries to the index where absent, merges its trailer, and returns /Prev
// (-1 when none).
func (r *Reader) loadSection(off int64) (int64, error) {
	pos, ok := r.at(off)
	if !ok {
		return -1, &Error{Offset: off, Msg: "cross-reference offset outside the file"}
	}
	p := parser{b: r.data, pos: pos}
	if p.acceptKeyword("xref") {
		trailer, err := r.loadClassic(&p)
		if err != nil {
			return -1, err
		}
		r.mergeTrailer(trailer)
		if x, ok := Int(trailer.Get("XRefStm")); ok {
			if xp, ok := r.at(x); ok {
				// Hybrid file: the stream's entries come after this
				// section's and before /Prev's.
				if _, err := r.loadXrefStream(xp); err != nil {
					_ = err // the classic section may suffice
				}
			}
		}
		return prevOf(trailer), nil
	}
	p.pos = pos
	dict, err := r.loadXrefStream(pos)
	if err != nil {
		return -1, err
	}
	r.mergeTrailer(dict)
	return prevOf(dict), nil
}

func prevOf(d Dict) int64 {
	if v, ok := Int(d.Get("Prev")); ok && v >= 0 {
		return v
	}
	return -1
}

// mergeTrailer adds the keys of an older trailer that the newer ones lack.
func (r *Reader) mergeTrailer(d Dict) {
	for _, kv := range d {
		switch kv.Key {
		case "Prev", "XRefStm", "Type", "W", "Index", "Filter", "DecodeParms", "Length", "Size":
			continue
		}
		if !r.trailer.Has(kv.Key) && kv.Value != nil {
			r.trailer = append(r.trailer, kv)
		}
	}
}

func (r *Reader) set(num int, e entry) {
	if num <= 0 || r.full() {
		return
	}
	if _, ok := r.index[num]; !ok {
		r.index[num] = e
	}
}

// full reports whether the index holds maxEntries objects: what a file
// declares beyond is ignored.
func (r *Reader) full() bool { return len(r.index) >= r.maxEntries }

// parse parses with p, charging what it goes through to the parse budget.
func (r *Reader) parse(p *parser) (Object, error) {
	if r.parseBudget <= 0 {
		return nil, &Error{Offset: int64(p.pos), Msg: "parsing limit reached", Err: ErrLimit}
	}
	start := p.pos
	o, err := p.parseObject(0)
	r.parseBudget -= int64(max(p.pos-start, 1))
	return o, err
}

// loadClassic reads the subsections of a classic xref table after the
// "xref" keyword, and the trailer dictionary.
func (r *Reader) loadClassic(p *parser) (Dict, error) {
	for {
		p.skipSpace()
		if p.acceptKeyword("trailer") {
			break
		}
		secPos := p.pos
		start, ok1 := p.uint()
		p.skipSpace()
		count, ok2 := p.uint()
		if !ok1 || !ok2 {
			return nil, &Error{Offset: int64(secPos), Msg: "malformed cross-reference subsection header", Err: ErrSyntax}
		}
		// Each entry takes 20 bytes; a count the file cannot hold is a lie.
		if count > int64(len(r.data)-p.pos)/18+1 {
			return nil, &Error{Offset: int64(secPos), Msg: "cross-reference subsection larger than the file", Err: ErrSyntax}
		}
		for i := int64(0); i < count && !r.full(); i++ {
			p.skipSpace()
			entPos := p.pos
			off, ok1 := p.uint()
			p.skipSpace()
			gen, ok2 := p.uint()
			p.skipSpace()
			if !ok1 || !ok2 || p.pos >= len(p.b) {
				return nil, &Error{Offset: int64(entPos), Msg: "malformed cross-reference entry", Err: ErrSyntax}
			}
			typ := p.b[p.pos]
			p.pos++
			if typ != 'n' && typ != 'f' {
				return nil, &Error{Offset: int64(entPos), Msg: "malformed cross-reference entry", Err: ErrSyntax}
			}
			num := start + i
			// A common bug: a table starting at 1 whose first entry is
			// object 0's free entry.
			if i == 0 && start == 1 && typ == 'f' && gen == 65535 && off == 0 {
				start = 0
				num = 0
			}
			if num > 1<<31 {
				continue
			}
			switch {
			case typ == 'f':
				r.set(int(num), entry{kind: kindFree})
			case off == 0:
				// "0000000000 00000 n": no object; ignore.
			default:
				r.set(int(num), entry{kind: kindOffset, gen: uint16(min(gen, 65535)), off: off})
			}
		}
	}
	o, err := r.parse(p)
	if err != nil {
		return nil, err
	}
	d, ok := o.(Dict)
	if !ok {
		return nil, &Error{Offset: int64(p.pos), Msg: "trailer is not a dictionary", Err: ErrSyntax}
	}
	return d, nil
}

// loadXrefStream reads the cross-reference stream at pos and adds its
// entries; it returns the stream's dictionary.
func (r *Reader) loadXrefStream(pos int) (Dict, error) {
	num, gen, obj, err := r.parseIndirectAt(pos)
	if err != nil {
		return nil, err
	}
	s, ok := obj.(*Stream)
	if !ok {
		return nil, &Error{Num: num, Gen: gen, Offset: int64(pos), Msg: "cross-reference offset points to an object that is not a stream"}
	}
	if t, _ := s.Dict.Get("Type").(Name); t != "XRef" {
		return nil, &Error{Num: num, Gen: gen, Offset: int64(pos), Msg: "cross-reference offset points to a stream that is not /Type /XRef"}
	}
	var w [3]int
	wa, _ := s.Dict.Get("W").(Array)
	if len(wa) < 3 {
		return nil, &Error{Num: num, Gen: gen, Offset: int64(pos), Msg: "cross-reference stream without a valid /W"}
	}
	for i := range w {
		v, ok := Int(wa[i])
		if !ok || v < 0 || v > 8 {
			return nil, &Error{Num: num, Gen: gen, Offset: int64(pos), Msg: "cross-reference stream with an invalid /W"}
		}
		w[i] = int(v)
	}
	row := w[0] + w[1] + w[2]
	if row == 0 {
		return nil, &Error{Num: num, Gen: gen, Offset: int64(pos), Msg: "cross-reference stream with an invalid /W"}
	}
	data, err := r.Decode(s, 0)
	if err != nil {
		return nil, err
	}
	var index []int64
	if ia, ok := s.Dict.Get("Index").(Array); ok {
		for _, v := range ia {
			n, _ := Int(v)
			index = append(index, n)
		}
	} else {
		size, _ := Int(s.Dict.Get("Size"))
		index = []int64{0, size}
	}
	field := func(b []byte) int64 {
		var v int64
		for _, c := range b {
			v = v<<8 | int64(c)
		}
		return v
	}
	rows := len(data) / row
	k := 0
	for i := 0; i+1 < len(index) && k < rows && !r.full(); i += 2 {
		start, count := index[i], index[i+1]
		if start < 0 || count < 0 {
			break
		}
		for j := int64(0); j < count && k < rows && !r.full(); j, k = j+1, k+1 {
			b := data[k*row : (k+1)*row]
			typ := int64(1)
			if w[0] > 0 {
				typ = field(b[:w[0]])
			}
			f2 := field(b[w[0] : w[0]+w[1]])
			f3 := field(b[w[0]+w[1]:])
			num := start + j
			if num > 1<<31 {
				continue
			}
			switch typ {
			case 0:
				r.set(int(num), entry{kind: kindFree})
			case 1:
				if f2 > 0 {
					r.set(int(num), entry{kind: kindOffset, gen: uint16(min(max(f3, 0), 65535)), off: f2})
				}
			case 2:
				if f2 > 0 && f2 <= 1<<31 && f3 >= 0 && f3 < maxObjStmObjects {
					r.set(int(num), entry{kind: kindCompressed, off: f2, idx: int32(f3)})
				}
			}
		}
	}
	return s.Dict, nil
}

// ---- rebuilding the index by scanning --------------------------------

// rebuild replaces the index by one made from every "N G obj" in the file,
// the last definition of a number winning, plus the objects of the object
// streams found; it collects the trailers it meets. It runs at most once.
func (r *Reader) rebuild() {
	if r.rebuilt {
		return
	}
	r.rebuilt = true
	old := r.trailer
	r.trailer = nil
	r.index = make(map[int]entry, 64)
	clear(r.cache)
	clear(r.objstms)
	b := r.data
	var streams []int // object numbers that may be object streams
	for i := 0; ; {
		k := bytes.Index(b[i:], []byte("obj"))
		if k < 0 {
			break
		}
		at := i + k
		i = at + 3
		if i < len(b) && isRegular(b[i]) {
			continue // "object", "objx"
		}
		num, gen, start, ok := objHeaderBefore(b, at)
		if !ok {
			continue
		}
		if _, ok := r.index[num]; !ok && len(r.index) >= r.maxEntries {
			continue
		}
		r.index[num] = entry{kind: kindOffset, gen: uint16(gen), off: int64(start), pos: int64(start)}
		// Object streams and cross-reference streams need a look at
		// their dictionary.
		j := i
		for j < len(b) && isWhite(b[j]) {
			j++
		}
		if j+1 < len(b) && b[j] == '<' && b[j+1] == '<' {
			end := min(len(b), j+256)
			if bytes.Contains(b[j:end], []byte("/ObjStm")) {
				streams = append(streams, num)
			}
		}
	}
	// Trailers: "trailer << ... >>", and below the dictionaries of
	// cross-reference streams, in file order.
	type trailerAt struct {
		pos int
		d   Dict
	}
	var trailers []trailerAt
	for i := 0; ; {
		k := bytes.Index(b[i:], []byte("trailer"))
		if k < 0 {
			break
		}
		p := parser{b: b, pos: i + k + len("trailer")}
		i = p.pos
		if o, err := r.parse(&p); err == nil {
			if d, ok := o.(Dict); ok {
				trailers = append(trailers, trailerAt{i, d})
			}
		}
	}
	// Object streams: their objects, unless a direct definition comes
	// later in the file.
	for _, n := range streams {
		e := r.index[n]
		os := r.objStm(n)
		if os.err != nil {
			continue
		}
		for i, m := range os.nums {
			if m <= 0 || m == n {
				continue
			}
			cur, ok := r.index[m]
			if ok && cur.pos > e.pos || !ok && len(r.index) >= r.maxEntries {
				continue
			}
			r.index[m] = entry{kind: kindCompressed, off: int64(n), idx: int32(i), pos: e.pos}
		}
	}
	for _, n := range r.sortedByPos() {
		e := r.index[n]
		if e.kind != kindOffset {
			continue
		}
		end := min(len(b), int(e.off)+512)
		if !bytes.Contains(b[e.off:end], []byte("/XRef")) {
			continue
		}
		if o, err := r.Object(n); err == nil {
			if s, ok := o.(*Stream); ok {
				if t, _ := s.Dict.Get("Type").(Name); t == "XRef" {
					trailers = append(trailers, trailerAt{int(e.off), s.Dict})
				}
			}
		}
	}
	slices.SortStableFunc(trailers, func(a, b trailerAt) int { return a.pos - b.pos })
	for _, t := range trailers {
		r.scanTrailers = append(r.scanTrailers, t.d)
	}
	// The trailer: the old one if it has a /Root that resolves, else the
	// newest scanned one with a /Root that resolves.
	if ref, ok := old.Get("Root").(Ref); ok && r.isCatalog(ref) {
		r.trailer = old
	}
	for i := len(r.scanTrailers) - 1; i >= 0 && r.trailer == nil; i-- {
		if ref, ok := r.scanTrailers[i].Get("Root").(Ref); ok && r.isCatalog(ref) {
			r.trailer = r.scanTrailers[i]
		}
	}
	if r.trailer == nil {
		// No usable trailer: the newest /Type /Catalog object.
		nums := r.sortedByPos()
		for i := len(nums) - 1; i >= 0; i-- {
			if r.isCatalog(Ref{Num: nums[i]}) {
				r.trailer = Dict{{Key: "Root", Value: Ref{Num: nums[i], Gen: int(r.index[nums[i]].gen)}}}
				break
			}
		}
	}
	if r.trailer == nil {
		r.trailer = old
	}
	for _, t := range r.scanTrailers {
		r.mergeTrailer(t)
	}
}

func (r *Reader) isCatalog(ref Ref) bool {
	o, err := r.Object(ref.Num)
	if err != nil {
		return false
	}
	d, ok := o.(Dict)
	if !ok {
		return false
	}
	t, _ := d.Get("Type").(Name)
	return t == "Catalog" || (t == "" && d.Has("Pages"))
}

// sortedByPos returns the indexed object numbers by file position.
func (r *Reader) sortedByPos() []int {
	nums := make([]int, 0, len(r.index))
	for n, e := range r.index {
		if e.kind == kindOffset || e.kind == kindCompressed {
			nums = append(nums, n)
		}
	}
	slices.SortFunc(nums, func(a, b int) int {
		ea, eb := r.index[a], r.index[b]
		pa, pb := ea.pos, eb.pos
		if !r.rebuilt {
			pa, pb = ea.off, eb.off
			if ea.kind == kindCompressed {
				pa = r.index[int(ea.off)].off
			}
			if eb.kind == kindCompressed {
				pb = r.index[int(eb.off)].off
			}
		}
		if pa != pb {
			if pa < pb {
				return -1
			}
			return 1
		}
		return a - b
	})
	return nums
}

// objHeaderBefore recognizes "N G " before the "obj" at at, with N
// preceded by white space, a delimiter or the start of the file. It
// returns the offset of N.
func objHeaderBefore(b []byte, at int) (num, gen, start int, ok bool) {
	i := at
	skipWhite := func() bool {
		j := i
		for i > 0 && isWhite(b[i-1]) {
			i--
		}
		return i < j
	}
	digits := func() (int, bool) {
		j := i
		for i > 0 && b[i-1] >= '0' && b[i-1] <= '9' && j-i < 10 {
			i--
		}
		if i == j {
			return 0, false
		}
		v := 0
		for _, c := range b[i:j] {
			v = v*10 + int(c-'0')
		}
		return v, true
	}
	if !skipWhite() {
		return
	}
	g, ok1 := digits()
	if !ok1 || !skipWhite() {
		return
	}
	n, ok2 := digits()
	if !ok2 || n <= 0 || g > 65535 {
		return
	}
	if i > 0 && isRegular(b[i-1]) {
		return
	}
	return n, g, i, true
}

// ---- objects ----------------------------------------------------------

// Object returns the object number num, parsed (a *Stream for a stream).
// An object the file does not define is an error wrapping ErrNotFound; a
// free one is nil.
func (r *Reader) Object(num int) (Object, error) {
	if o, ok := r.cache[num]; ok {
		return o, nil
	}
	o, err := r.object(num)
	if err != nil && !r.rebuilt && !errors.Is(err, ErrLoop) && !errors.Is(err, ErrLimit) {
		// The index is wrong: rebuild it once, and try again.
		r.rebuild()
		o, err = r.object(num)
	}
	if err != nil {
		return nil, err
	}
	r.cache[num] = o
	return o, nil
}

func (r *Reader) object(num int) (Object, error) {
	if r.resolving == nil {
		r.resolving = map[int]bool{}
	}
	if r.resolving[num] || r.depth >= MaxDepth {
		return nil, &Error{Num: num, Offset: -1, Err: ErrLoop}
	}
	r.resolving[num] = true
	r.depth++
	defer func() {
		delete(r.resolving, num)
		r.depth--
	}()
	e := r.index[num]
	switch e.kind {
	case kindFree:
		return nil, nil
	case kindOffset:
		pos, ok := r.at(e.off)
		if !ok {
			return nil, &Error{Num: num, Gen: int(e.gen), Offset: e.off, Msg: "offset outside the file", Err: ErrNotFound}
		}
		n, _, o, err := r.parseIndirectAt(pos)
		if (err != nil || n != num) && r.header > 0 {
			// Junk before "%PDF-": offsets may count from the header.
			if p2, ok := r.at(e.off + int64(r.header)); ok {
				if n2, _, o2, err2 := r.parseIndirectAt(p2); err2 == nil && n2 == num {
					n, o, err = n2, o2, nil
				}
			}
		}
		if err != nil {
			return nil, err
		}
		if n != num {
			return nil, &Error{Num: num, Gen: int(e.gen), Offset: e.off, Msg: fmt.Sprintf("offset holds object %d", n), Err: ErrNotFound}
		}
		return o, nil
	case kindCompressed:
		return r.compressed(num, int(e.off), int(e.idx))
	}
	return nil, &Error{Num: num, Offset: -1, Err: ErrNotFound}
}

// parseIndirectAt parses "N G obj ..." at pos; a dictionary followed by
// "stream" gives a *Stream.
func (r *Reader) parseIndirectAt(pos int) (num, gen int, obj Object, err error) {
	p := parser{b: r.data, pos: pos}
	num, gen, ok := p.objHeader()
	if !ok {
		return 0, 0, nil, &Error{Offset: int64(pos), Msg: "no \"N G obj\" header", Err: ErrSyntax}
	}
	obj, err = r.parse(&p)
	if err != nil {
		return num, gen, nil, &Error{Num: num, Gen: gen, Offset: int64(pos), Err: err}
	}
	d, ok := obj.(Dict)
	if !ok || !p.acceptKeyword("stream") {
		return num, gen, obj, nil
	}
	return num, gen, r.streamAt(&p, d, num, gen), nil
}

// streamAt reads the data of a stream whose "stream" keyword ends at p.pos.
// A /Length that does not land on "endstream" is replaced by a search for
// "endstream", as lenient readers do.
func (r *Reader) streamAt(p *parser, d Dict, num, gen int) *Stream {
	b := r.data
	start := p.pos
	switch {
	case start+1 < len(b) && b[start] == '\r' && b[start+1] == '\n':
		start += 2
	case start < len(b) && (b[start] == '\n' || b[start] == '\r'):
		start++
	}
	end := -1
	n, okLen := r.length(d.Get("Length"))
	if okLen && n >= 0 && n <= int64(len(b)-start) {
		e := start + int(n)
		q := parser{b: b, pos: e}
		q.skipSpace()
		if kw := q.peekKeyword(); bytes.HasPrefix(kw, []byte("endstream")) || bytes.Equal(kw, []byte("endobj")) {
			end = e
		}
	}
	truncated := false
	if end < 0 {
		k := r.nextEnd(start)
		switch {
		case k >= 0:
			end = k
			// The end of line before endstream is not data.
			if end > start && b[end-1] == '\n' {
				end--
			}
			if end > start && b[end-1] == '\r' {
				end--
			}
		case okLen && n >= 0 && n <= int64(len(b)-start):
			end = start + int(n) // the file ends after the data
		default:
			end, truncated = len(b), true
		}
	}
	return &Stream{Dict: d, Raw: b[start:end:end], Num: num, Gen: gen, Offset: int64(start), truncated: truncated}
}

// nextEnd returns the offset of the first "endstream" at or after start,
// or else of the first "endobj", or -1. The offsets are found once per
// file: searching from each stream would cost quadratic time on a file
// of many streams without endstream.
func (r *Reader) nextEnd(start int) int {
	if !r.endsFound {
		r.endsFound = true
		r.endstreams = offsets(r.data, "endstream")
		r.endobjs = offsets(r.data, "endobj")
	}
	for _, list := range [2][]int{r.endstreams, r.endobjs} {
		if i, _ := slices.BinarySearch(list, start); i < len(list) {
			return list[i]
		}
	}
	return -1
}

// offsets returns the offsets of every occurrence of s in b.
func offsets(b []byte, s string) []int {
	var list []int
	for i := 0; ; {
		k := bytes.Index(b[i:], []byte(s))
		if k < 0 {
			return list
		}
		list = append(list, i+k)
		i += k + len(s)
	}
}

// length reads /Length, resolving a reference (not through a stream).
func (r *Reader) length(o Object) (int64, bool) {
	if ref, ok := o.(Ref); ok {
		v, err := r.Object(ref.Num)
		if err != nil {
			return 0, false
		}
		o = v
	}
	return Int(o)
}

// compressed returns object num from object stream stm, at index idx.
func (r *Reader) compressed(num, stm, idx int) (Object, error) {
	os := r.objStm(stm)
	if os.err != nil {
		return nil, &Error{Num: num, Offset: -1, Msg: fmt.Sprintf("in object stream %d", stm), Err: os.err}
	}
	i := idx
	if i < 0 || i >= len(os.nums) || os.nums[i] != num {
		i = slices.Index(os.nums, num)
		if i < 0 {
			return nil, &Error{Num: num, Offset: -1, Msg: fmt.Sprintf("not in object stream %d", stm), Err: ErrNotFound}
		}
	}
	p := parser{b: os.data, pos: os.first + os.offs[i]}
	o, err := r.parse(&p)
	if err != nil {
		return nil, &Error{Num: num, Offset: -1, Msg: fmt.Sprintf("in object stream %d", stm), Err: err}
	}
	return o, nil
}

// objStm loads (once) the object stream number num.
func (r *Reader) objStm(num int) *objStm {
	if os, ok := r.objstms[num]; ok {
		return os
	}
	if r.objstms == nil {
		r.objstms = map[int]*objStm{}
	}
	os := &objStm{num: num}
	r.objstms[num] = os
	os.err = r.loadObjStm(os)
	return os
}

func (r *Reader) loadObjStm(os *objStm) error {
	if e := r.index[os.num]; e.kind != kindOffset {
		return &Error{Num: os.num, Offset: -1, Msg: "object stream is not an uncompressed object", Err: ErrNotFound}
	}
	o, err := r.Object(os.num)
	if err != nil {
		return err
	}
	s, ok := o.(*Stream)
	if !ok {
		return &Error{Num: os.num, Offset: -1, Msg: "object stream is not a stream"}
	}
	n, _ := Int(s.Dict.Get("N"))
	first, _ := Int(s.Dict.Get("First"))
	data, err := r.Decode(s, 0)
	if err != nil {
		return err
	}
	if n < 0 || first < 0 || first > int64(len(data)) {
		return &Error{Num: os.num, Offset: -1, Msg: "object stream with invalid /N or /First"}
	}
	os.data, os.first = data, int(first)
	r.parseBudget += 2 * int64(len(data))
	p := parser{b: data[:first]}
	for i := int64(0); i < n && i < maxObjStmObjects; i++ {
		p.skipSpace()
		m, ok1 := p.uint()
		p.skipSpace()
		off, ok2 := p.uint()
		if !ok1 || !ok2 || m > 1<<31 || off > int64(len(data))-first {
			break
		}
		os.nums = append(os.nums, int(m))
		os.offs = append(os.offs, int(off))
	}
	return nil
}

// Resolve follows references until o is a direct object or a stream. A
// reference to an object the file does not define resolves to nil with the
// error.
func (r *Reader) Resolve(o Object) (Object, error) {
	for i := 0; i < MaxDepth; i++ {
		ref, ok := o.(Ref)
		if !ok {
			return o, nil
		}
		v, err := r.Object(ref.Num)
		if err != nil {
			return nil, err
		}
		o = v
	}
	return nil, &Error{Offset: -1, Msg: "chain of references too long", Err: ErrLoop}
}

// Dict resolves o and returns it as a dictionary (a stream's dictionary for
// a stream), or nil.
func (r *Reader) Dict(o Object) Dict {
	v, _ := r.Resolve(o)
	switch v := v.(type) {
	case Dict:
		return v
	case *Stream:
		return v.Dict
	}
	return nil
}

// Array resolves o and returns it as an array, or nil.
func (r *Reader) Array(o Object) Array {
	v, _ := r.Resolve(o)
	a, _ := v.(Array)
	return a
}

// Catalog returns the document catalog (trailer /Root), or nil when the
// file has none that can be read.
func (r *Reader) Catalog() Dict {
	if d := r.Dict(r.trailer.Get("Root")); d != nil {
		return d
	}
	if !r.rebuilt {
		r.rebuild()
		return r.Dict(r.trailer.Get("Root"))
	}
	return nil
}

// Objects returns the numbers of the objects the index holds, in the order
// of their definitions in the file (for an object in an object stream: the
// position of the object stream).
func (r *Reader) Objects() []int { return r.sortedByPos() }
