//go:build ignore

// pingpong.go: main and one goroutine bounce an int over two unbuffered channels N
// times. Reports ns per round trip. Mirror of bench/c/pingpong.c.
package main

import (
	"fmt"
	"os"
	"strconv"
	"time"
)

func main() {
	n := int64(500000)
	if len(os.Args) > 1 {
		n, _ = strconv.ParseInt(os.Args[1], 10, 64)
	}
	ping := make(chan int64)
	pong := make(chan int64)
	go func() {
		for i := int64(0); i < n; i++ {
			v := <-ping
			pong <- v + 1
		}
	}()
	v := int64(0)
	t0 := time.Now()
	for i := int64(0); i < n; i++ {
		ping <- v
		v = <-pong
	}
	el := time.Since(t0)
	if v != n {
		fmt.Fprintf(os.Stderr, "pingpong: wrong count %d\n", v)
	}
	fmt.Printf("RESULT pingpong ns_per_op=%.1f\n", float64(el.Nanoseconds())/float64(n))
}
