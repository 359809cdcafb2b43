// Package pdftest writes small PDF files for tests of PDF readers: classic
// cross-reference tables or cross-reference streams, object streams, and
// incremental updates. It writes exactly what it is told, defects
// included; it is not a PDF library.
package pdftest

import (
	"bytes"
	"compress/flate"
	"compress/zlib"
	"encoding/binary"
	"fmt"
	"regexp"
	"slices"
	"strconv"
)

// Header is the default file header: version and binary comment.
const Header = "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"

// Builder collects numbered objects and writes them as a PDF file or an
// incremental update.
type Builder struct {
	// Header starts the file; "" means Header. Not written by Update.
	Header string
	// Trailer holds extra trailer entries, as "/Info 3 0 R /ID [<00> <00>]".
	// /Size, /Root and /Prev are written by the Builder.
	Trailer string
	// Root is the number of the catalog; 0 means no /Root.
	Root int
	// XRefStream writes a cross-reference stream (Flate, PNG Up predictor)
	// instead of a table.
	XRefStream bool
	// ObjStm lists objects (not streams) to write in one object stream;
	// it implies XRefStream.
	ObjStm []int
	// MinSize is the least /Size: the object and cross-reference streams
	// the Builder adds take the numbers from /Size on, so an update must
	// set it to its base's /Size.
	MinSize int

	objs map[int][]byte
	next int
}

// Add adds an object with the next free number and returns the number.
func (b *Builder) Add(body string) int {
	if b.next == 0 {
		b.next = 1
	}
	for b.objs[b.next] != nil {
		b.next++
	}
	n := b.next
	b.Set(n, body)
	return n
}

// Set sets object num's body: what comes between "num 0 obj" and "endobj".
func (b *Builder) Set(num int, body string) {
	if b.objs == nil {
		b.objs = map[int][]byte{}
	}
	b.objs[num] = []byte(body)
}

// Stream returns a stream object body with dict's entries, /Length and data.
func Stream(dict string, data []byte) string {
	return fmt.Sprintf("<< %s /Length %d >>\nstream\n%s\nendstream", dict, len(data), data)
}

// Deflate returns data compressed with zlib.
func Deflate(data []byte) []byte {
	var buf bytes.Buffer
	w := zlib.NewWriter(&buf)
	w.Write(data)
	w.Close()
	return buf.Bytes()
}

// Bomb returns zlib data that inflates to mib MiB of zero bytes: a
// decompression bomb of about 1 KiB per MiB, made fast.
func Bomb(mib int) []byte {
	zeros := make([]byte, 1<<20)
	var seg bytes.Buffer
	w, _ := flate.NewWriter(&seg, flate.BestCompression)
	w.Write(zeros)
	w.Flush() // byte-aligned; later copies refer to a window of zeros too
	out := []byte{0x78, 0xda}
	for range mib {
		out = append(out, seg.Bytes()...)
	}
	out = append(out, 0x03, 0x00) // final empty block
	// Adler-32 of n zero bytes: A = 1, B = n mod 65521.
	b := uint32((int64(mib) << 20) % 65521)
	return binary.BigEndian.AppendUint32(out, b<<16|1)
}

// Bytes writes the file.
func (b *Builder) Bytes() []byte {
	h := b.Header
	if h == "" {
		h = Header
	}
	return b.write([]byte(h), -1)
}

// Update appends the objects to base as an incremental update whose
// trailer's /Prev is base's last startxref.
func (b *Builder) Update(base []byte) []byte {
	prev := -1
	if m := regexp.MustCompile(`startxref\s+(\d+)\s+%%EOF\s*$`).FindSubmatch(base); m != nil {
		prev, _ = strconv.Atoi(string(m[1]))
	}
	out := bytes.Clone(base)
	if len(out) > 0 && out[len(out)-1] != '\n' {
		out = append(out, '\n')
	}
	return b.write(out, prev)
}

func (b *Builder) write(out []byte, prev int) []byte {
	nums := make([]int, 0, len(b.objs))
	for n := range b.objs {
		nums = append(nums, n)
	}
	slices.Sort(nums)
	size := max(1, b.MinSize)
	if len(nums) > 0 {
		size = max(size, nums[len(nums)-1]+1)
	}
	type loc struct {
		typ      int
		off, idx int
	}
	locs := map[int]loc{}
	inStm := map[int]bool{}
	for _, n := range b.ObjStm {
		inStm[n] = true
	}
	for _, n := range nums {
		if inStm[n] {
			continue
		}
		locs[n] = loc{1, len(out), 0}
		out = fmt.Appendf(out, "%d 0 obj\n%s\nendobj\n", n, b.objs[n])
	}
	if len(b.ObjStm) > 0 {
		stm := size
		size++
		var head, body bytes.Buffer
		for i, n := range b.ObjStm {
			fmt.Fprintf(&head, "%d %d ", n, body.Len())
			body.Write(b.objs[n])
			body.WriteString("\n")
			locs[n] = loc{2, stm, i}
		}
		data := append(head.Bytes(), body.Bytes()...)
		locs[stm] = loc{1, len(out), 0}
		out = fmt.Appendf(out, "%d 0 obj\n%s\nendobj\n", stm,
			Stream(fmt.Sprintf("/Type /ObjStm /N %d /First %d /Filter /FlateDecode", len(b.ObjStm), head.Len()), Deflate(data)))
	}
	trailer := b.Trailer
	if b.Root > 0 {
		trailer = fmt.Sprintf("/Root %d 0 R %s", b.Root, trailer)
	}
	if prev >= 0 {
		trailer += fmt.Sprintf(" /Prev %d", prev)
	}
	xrefAt := len(out)
	if b.XRefStream || len(b.ObjStm) > 0 {
		xn := size
		size++
		locs[xn] = loc{1, xrefAt, 0}
		all := make([]int, 0, len(locs))
		for n := range locs {
			all = append(all, n)
		}
		slices.Sort(all)
		// Rows: type (1 byte), field 2 (4 bytes), field 3 (2 bytes), each
		// subsection one run of consecutive numbers.
		var rows, index bytes.Buffer
		for i := 0; i < len(all); {
			j := i
			for j+1 < len(all) && all[j+1] == all[j]+1 {
				j++
			}
			fmt.Fprintf(&index, "%d %d ", all[i], j-i+1)
			for _, n := range all[i : j+1] {
				l := locs[n]
				rows.Write([]byte{byte(l.typ), byte(l.off >> 24), byte(l.off >> 16), byte(l.off >> 8), byte(l.off), byte(l.idx >> 8), byte(l.idx)})
			}
			i = j + 1
		}
		// PNG Up predictor, 7 columns.
		raw := rows.Bytes()
		var pred []byte
		prevRow := make([]byte, 7)
		for k := 0; k+7 <= len(raw); k += 7 {
			pred = append(pred, 2)
			for c := 0; c < 7; c++ {
				pred = append(pred, raw[k+c]-prevRow[c])
			}
			copy(prevRow, raw[k:k+7])
		}
		dict := fmt.Sprintf("/Type /XRef /Size %d /W [1 4 2] /Index [%s] /Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 7 >> %s",
			size, index.String(), trailer)
		out = fmt.Appendf(out, "%d 0 obj\n%s\nendobj\n", xn, Stream(dict, Deflate(pred)))
	} else {
		all := make([]int, 0, len(locs))
		for n := range locs {
			all = append(all, n)
		}
		slices.Sort(all)
		out = append(out, "xref\n"...)
		if prev < 0 {
			out = append(out, "0 1\n0000000000 65535 f\r\n"...)
		}
		for i := 0; i < len(all); {
			j := i
			for j+1 < len(all) && all[j+1] == all[j]+1 {
				j++
			}
			out = fmt.Appendf(out, "%d %d\n", all[i], j-i+1)
			for _, n := range all[i : j+1] {
				out = fmt.Appendf(out, "%010d 00000 n\r\n", locs[n].off)
			}
			i = j + 1
		}
		out = fmt.Appendf(out, "trailer\n<< /Size %d %s >>\n", size, trailer)
	}
	return fmt.Appendf(out, "startxref\n%d\n%%%%EOF\n", xrefAt)
}
