//go:build ignore

// rss.go: memory per parked goroutine: spawn K goroutines that block receiving on one
// channel, wait until all have started, and report (VmRSS - baseline) / K.
// Mirror of bench/c/rss.c.
package main

import (
	"bufio"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
)

func rss() int64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		if strings.HasPrefix(s.Text(), "VmRSS:") {
			kb, _ := strconv.ParseInt(strings.Fields(s.Text())[1], 10, 64)
			return kb * 1024
		}
	}
	return 0
}

func main() {
	k := int64(100000)
	if len(os.Args) > 1 {
		k, _ = strconv.ParseInt(os.Args[1], 10, 64)
	}
	block := make(chan int)
	var started int64
	base := rss()
	for i := int64(0); i < k; i++ {
		go func() {
			atomic.AddInt64(&started, 1)
			<-block
		}()
	}
	for atomic.LoadInt64(&started) < k {
		runtime.Gosched()
	}
	time.Sleep(10 * time.Millisecond) // let the last ones reach their park
	fmt.Printf("RESULT rss_%d bytes_per_g=%.1f\n", k, float64(rss()-base)/float64(k))
}
