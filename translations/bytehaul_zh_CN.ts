<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ErrorText</name>
    <message>
        <source>not a valid http or https address</source>
        <translation>不是有效的 http 或 https 地址</translation>
    </message>
    <message>
        <source>unsupported address (only http and https)</source>
        <translation>不支持的地址（仅支持 http 和 https）</translation>
    </message>
    <message>
        <source>server not found</source>
        <translation>找不到服务器</translation>
    </message>
    <message>
        <source>the server refused the connection</source>
        <translation>服务器拒绝了连接</translation>
    </message>
    <message>
        <source>network error</source>
        <translation>网络错误</translation>
    </message>
    <message>
        <source>the server did not answer in time</source>
        <translation>服务器没有及时应答</translation>
    </message>
    <message>
        <source>secure connection failed: the certificate is not trusted</source>
        <translation>安全连接失败：证书不受信任</translation>
    </message>
    <message>
        <source>HTTP %1: a user name and password are needed</source>
        <translation>HTTP %1：需要用户名和密码</translation>
    </message>
    <message>
        <source>HTTP %1: access forbidden</source>
        <translation>HTTP %1：禁止访问</translation>
    </message>
    <message>
        <source>HTTP %1: not on the server</source>
        <translation>HTTP %1：服务器上没有此文件</translation>
    </message>
    <message>
        <source>HTTP %1: the server is busy or failing</source>
        <translation>HTTP %1：服务器繁忙或出错</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>HTTP %1 %2</source>
        <translation>HTTP %1 %2</translation>
    </message>
    <message>
        <source>a redirect without a usable address</source>
        <translation>重定向没有可用的地址</translation>
    </message>
    <message>
        <source>too many redirects</source>
        <translation>重定向次数过多</translation>
    </message>
    <message>
        <source>refused a redirect from https to http</source>
        <translation>已拒绝从 https 到 http 的重定向</translation>
    </message>
    <message>
        <source>the server sent a broken answer</source>
        <translation>服务器发送了错误的应答</translation>
    </message>
    <message>
        <source>no data from the server</source>
        <translation>服务器没有发送数据</translation>
    </message>
    <message>
        <source>cannot create the folder</source>
        <translation>无法创建文件夹</translation>
    </message>
    <message>
        <source>no free file name</source>
        <translation>没有可用的文件名</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <source>cannot write the file</source>
        <translation>无法写入文件</translation>
    </message>
    <message>
        <source>checksum mismatch</source>
        <translation>校验和不匹配</translation>
    </message>
    <message>
        <source>Check your connection, then Resume: what was downloaded is kept.</source>
        <translation>请检查网络连接，然后点“继续”：已下载的内容会保留。</translation>
    </message>
    <message>
        <source>If this server uses a certificate authority of your own, add it in Preferences, Extra CA certificate, then Resume.</source>
        <translation>如果此服务器使用您自己的证书颁发机构，请在“首选项”的“额外 CA 证书”中添加它，然后点“继续”。</translation>
    </message>
    <message>
        <source>The link may have expired: get a new one from the web page and use Replace address.</source>
        <translation>链接可能已过期：请从网页获取新链接，然后使用“替换地址”。</translation>
    </message>
    <message>
        <source>Free some space, then Resume: the bytes written so far are kept.</source>
        <translation>请释放一些空间，然后点“继续”：已写入的数据会保留。</translation>
    </message>
    <message>
        <source>Check that the folder exists and that you may write there.</source>
        <translation>请检查文件夹是否存在以及您是否有写入权限。</translation>
    </message>
    <message>
        <source>The file is kept for inspection; the checksum given may be for another version.</source>
        <translation>文件已保留以供检查；给出的校验和可能属于另一个版本。</translation>
    </message>
    <message>
        <source>Got: %1</source>
        <translation>实际：%1</translation>
    </message>
    <message>
        <source>another bytehaul is downloading this file</source>
        <translation>另一个 bytehaul 正在下载此文件</translation>
    </message>
    <message>
        <source>a request header is not valid</source>
        <translation>请求头无效</translation>
    </message>
</context>
<context>
    <name>bytehaul</name>
    <message>
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>正在连接</translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation>正在下载</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Verifying</source>
        <translation>正在校验</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
</context>
<context>
    <name>bytehaul::ControlFile</name>
    <message numerus="yes">
        <source>the control file is truncated (%n byte(s))</source>
        <translation>
            <numerusform>控制文件被截断（%n 字节）</numerusform>
        </translation>
    </message>
    <message>
        <source>not a bytehaul control file</source>
        <translation>不是 bytehaul 控制文件</translation>
    </message>
    <message>
        <source>control file version %1 is newer than this program understands (%2)</source>
        <translation>控制文件版本 %1 比本程序支持的版本新（%2）</translation>
    </message>
    <message>
        <source>the control file is truncated</source>
        <translation>控制文件被截断</translation>
    </message>
    <message>
        <source>the control file is corrupt (checksum mismatch)</source>
        <translation>控制文件已损坏（校验和不匹配）</translation>
    </message>
    <message>
        <source>the control file names an unknown download mode</source>
        <translation>控制文件指定了未知的下载模式</translation>
    </message>
    <message>
        <source>the control file&apos;s sizes are impossible</source>
        <translation>控制文件中的大小不可能成立</translation>
    </message>
    <message>
        <source>the control file&apos;s piece count does not match its size</source>
        <translation>控制文件中的分块数与其大小不符</translation>
    </message>
    <message>
        <source>the control file&apos;s piece map is damaged</source>
        <translation>控制文件的分块图已损坏</translation>
    </message>
    <message>
        <source>the control file&apos;s piece map does not fit the file</source>
        <translation>控制文件的分块图与文件不符</translation>
    </message>
    <message>
        <source>the control file&apos;s piece checksums are damaged</source>
        <translation>控制文件的分块校验和已损坏</translation>
    </message>
    <message>
        <source>the control file&apos;s segment list is damaged</source>
        <translation>控制文件的分段列表已损坏</translation>
    </message>
    <message>
        <source>the control file&apos;s progress is impossible</source>
        <translation>控制文件中的进度不可能成立</translation>
    </message>
    <message>
        <source>cannot read the control file: %1</source>
        <translation>无法读取控制文件：%1</translation>
    </message>
</context>
<context>
    <name>bytehaul::CookieFile</name>
    <message>
        <source>line %1: not a cookie (seven tab-separated fields expected)</source>
        <translation>第 %1 行：不是 cookie（应为七个以制表符分隔的字段）</translation>
    </message>
</context>
<context>
    <name>bytehaul::EngineCore</name>
    <message>
        <source>No such download.</source>
        <translation>没有这个下载。</translation>
    </message>
</context>
<context>
    <name>bytehaul::FileWriter</name>
    <message>
        <source>the disk is full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <source>the disk quota is exceeded</source>
        <translation>磁盘配额已用尽</translation>
    </message>
    <message>
        <source>the data could not be saved</source>
        <translation>数据无法保存</translation>
    </message>
    <message>
        <source>Cannot read %1 to check it: %2</source>
        <translation>无法读取 %1 进行校验：%2</translation>
    </message>
    <message>
        <source>Cannot open %1 for writing: %2</source>
        <translation>无法打开 %1 进行写入：%2</translation>
    </message>
    <message>
        <source>Not enough disk space for %1: it needs %2 more bytes, %3 are free</source>
        <translation>%1 的磁盘空间不足：还需要 %2 字节，剩余 %3</translation>
    </message>
    <message>
        <source>Not enough space for %1 (%2 bytes): %3</source>
        <translation>%1 的空间不足（%2 字节）：%3</translation>
    </message>
    <message>
        <source>Cannot size %1: %2</source>
        <translation>无法设置 %1 的大小：%2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>The output file is not open</source>
        <translation>输出文件未打开</translation>
    </message>
    <message>
        <source>Cannot sync %1: %2</source>
        <translation>无法同步 %1：%2</translation>
    </message>
</context>
<context>
    <name>bytehaul::RangedTransfer</name>
    <message numerus="yes">
        <source>The server refused connection %1 (%2); going on with %n connection(s).</source>
        <translation>
            <numerusform>服务器拒绝了第 %1 个连接（%2）；继续使用 %n 个连接。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bytehaul::ReplyCheck</name>
    <message>
        <source>%1: the file on the server has changed (it no longer matches its ETag or date)</source>
        <translation>%1：服务器上的文件已更改（与其 ETag 或日期不再一致）</translation>
    </message>
    <message>
        <source>%1: the server ignored the byte range and sent the whole file (HTTP 200); nothing was written from that answer</source>
        <translation>%1：服务器忽略了字节范围并发送了整个文件（HTTP 200）；该响应的内容未被写入</translation>
    </message>
    <message>
        <source>%1: the file on the server changed size (%2 bytes, was %3)</source>
        <translation>%1：服务器上的文件大小已改变（%2 字节，原为 %3）</translation>
    </message>
    <message>
        <source>%1: the server answered bytes %2 for the range %3-%4 of %5 bytes; nothing was written from that answer</source>
        <translation>%1：请求 %5 字节中的范围 %3-%4，服务器却返回了字节 %2；该响应的内容未被写入</translation>
    </message>
    <message>
        <source>%1: Content-Length %2 does not match the range of %3 bytes</source>
        <translation>%1：Content-Length %2 与 %3 字节的范围不符</translation>
    </message>
    <message>
        <source>%1: the server compressed a byte range (Content-Encoding: %2)</source>
        <translation>%1：服务器压缩了字节范围（Content-Encoding：%2）</translation>
    </message>
    <message>
        <source>%1: HTTP %2 redirect without a Location header</source>
        <translation>%1：HTTP %2 重定向缺少 Location 头</translation>
    </message>
    <message>
        <source>%1: no data received for too long (read timeout)</source>
        <translation>%1：太长时间未收到数据（读取超时）</translation>
    </message>
    <message>
        <source>%1: HTTP %2 %3</source>
        <translation>%1：HTTP %2 %3</translation>
    </message>
    <message>
        <source>%1 (the server is busy or failing; retrying)</source>
        <translation>%1（服务器繁忙或出错；正在重试）</translation>
    </message>
    <message>
        <source>%1: the server wants a user name and password</source>
        <translation>%1：服务器要求用户名和密码</translation>
    </message>
    <message>
        <source>%1: access is forbidden (the link may have expired)</source>
        <translation>%1：禁止访问（链接可能已过期）</translation>
    </message>
    <message>
        <source>%1: the file is not on the server; check the address</source>
        <translation>%1：服务器上没有此文件；请检查地址</translation>
    </message>
    <message>
        <source>%1: HTTP %2 redirect without a usable Location</source>
        <translation>%1：HTTP %2 重定向没有可用的 Location</translation>
    </message>
    <message>
        <source>%1: unsupported address (only http and https)</source>
        <translation>%1：不支持的地址（仅支持 http 和 https）</translation>
    </message>
    <message>
        <source>%1: host not found; check the address and your connection</source>
        <translation>%1：找不到主机；请检查地址和网络连接</translation>
    </message>
    <message>
        <source>%1: secure connection failed: %2</source>
        <translation>%1：安全连接失败：%2</translation>
    </message>
    <message>
        <source>%1: too many redirects (more than 10)</source>
        <translation>%1：重定向次数过多（超过 10 次）</translation>
    </message>
    <message>
        <source>%1: refused a redirect from https to http</source>
        <translation>%1：已拒绝从 https 到 http 的重定向</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1: the file on the server has changed (ETag %2, was %3)</source>
        <translation>%1：服务器上的文件已更改（ETag %2，原为 %3）</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>%1: redirected to %2, another server; following without the credentials given for the first</source>
        <translation>%1：被重定向到另一台服务器 %2；跟随重定向时不携带为前者提供的凭据</translation>
    </message>
    <message>
        <source>%1: redirected to %2</source>
        <translation>%1：已重定向到 %2</translation>
    </message>
</context>
<context>
    <name>bytehaul::SafeFileText</name>
    <message>
        <source>%1 is a symbolic link; bytehaul does not write or read through links</source>
        <translation>%1 是符号链接；bytehaul 不会通过链接读写</translation>
    </message>
    <message>
        <source>%1 is not a regular file</source>
        <translation>%1 不是普通文件</translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 不存在</translation>
    </message>
    <message>
        <source>%1 is larger than %2 bytes</source>
        <translation>%1 大于 %2 字节</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>cannot sync %1: %2</source>
        <translation>无法同步 %1：%2</translation>
    </message>
    <message>
        <source>cannot replace %1: %2</source>
        <translation>无法替换 %1：%2</translation>
    </message>
    <message>
        <source>cannot replace %1</source>
        <translation>无法替换 %1</translation>
    </message>
</context>
<context>
    <name>bytehaul::Session</name>
    <message>
        <source>%1: no answer within %2 s (connect timeout)</source>
        <translation>%1：%2 秒内无响应（连接超时）</translation>
    </message>
    <message>
        <source>The save interval must be positive (got %1 ms)</source>
        <translation>保存间隔必须为正数（收到 %1 毫秒）</translation>
    </message>
    <message>
        <source>Pause the download before replacing its address.</source>
        <translation>请先暂停下载，再替换其地址。</translation>
    </message>
    <message>
        <source>Another address is being checked.</source>
        <translation>正在检查另一个地址。</translation>
    </message>
    <message>
        <source>Address replaced (%1).</source>
        <translation>地址已替换（%1）。</translation>
    </message>
    <message>
        <source>nothing downloaded yet</source>
        <translation>尚未下载任何内容</translation>
    </message>
    <message>
        <source>Address not replaced: %1</source>
        <translation>地址未替换：%1</translation>
    </message>
    <message>
        <source>The server does not support resuming; the download will restart from the beginning.</source>
        <translation>服务器不支持断点续传；下载将从头开始。</translation>
    </message>
    <message>
        <source>Could not save progress: %1</source>
        <translation>无法保存进度：%1</translation>
    </message>
    <message>
        <source>%1. Paused: free some space, then resume; the bytes written so far are kept.</source>
        <translation>%1。已暂停：请释放一些空间后继续；已写入的字节会保留。</translation>
    </message>
    <message>
        <source>Could not finish writing %1</source>
        <translation>无法完成写入 %1</translation>
    </message>
    <message>
        <source>%1 checksum mismatch: expected %2, got %3 (the file is kept for inspection)</source>
        <translation>%1 校验和不匹配：应为 %2，实际为 %3（文件已保留以供检查）</translation>
    </message>
    <message>
        <source>%1: not a valid http or https address</source>
        <translation>%1：不是有效的 http 或 https 地址</translation>
    </message>
    <message>
        <source>Cannot create the folder %1</source>
        <translation>无法创建文件夹 %1</translation>
    </message>
    <message>
        <source>Starting over as asked; the earlier partial download is replaced.</source>
        <translation>按要求重新开始；之前的部分下载将被替换。</translation>
    </message>
    <message>
        <source>Warning: %1 (%2); starting this download over from the beginning.</source>
        <translation>警告：%1（%2）；此下载将从头开始。</translation>
    </message>
    <message>
        <source>No free file name for %1 in %2</source>
        <translation>在 %2 中没有可用于 %1 的文件名</translation>
    </message>
    <message>
        <source>%1 already exists; saving as %2</source>
        <translation>%1 已存在；另存为 %2</translation>
    </message>
    <message>
        <source>the earlier attempt could not be resumed (the server sent it in one piece)</source>
        <translation>无法继续之前的下载（服务器以整体方式发送）</translation>
    </message>
    <message>
        <source>the file on the server changed size (%1, was %2)</source>
        <translation>服务器上的文件大小已改变（%1，原为 %2）</translation>
    </message>
    <message>
        <source>the file on the server changed (ETag %1, was %2)</source>
        <translation>服务器上的文件已更改（ETag %1，原为 %2）</translation>
    </message>
    <message>
        <source>the file on the server changed (modified %1, was %2)</source>
        <translation>服务器上的文件已更改（修改时间 %1，原为 %2）</translation>
    </message>
    <message>
        <source>the partial file is shorter than its control file says</source>
        <translation>部分文件比其控制文件记录的短</translation>
    </message>
    <message>
        <source>%1: unexpected HTTP %2</source>
        <translation>%1：意外的 HTTP %2</translation>
    </message>
    <message>
        <source>The server compresses ranges; using one connection.</source>
        <translation>服务器压缩了范围响应；改用单个连接。</translation>
    </message>
    <message>
        <source>The server&apos;s range answer was unusable (%1); using one connection.</source>
        <translation>服务器的范围响应不可用（%1）；改用单个连接。</translation>
    </message>
    <message>
        <source>Starting over: %1. Old and new bytes are never mixed.</source>
        <translation>重新开始：%1。新旧字节绝不会混合。</translation>
    </message>
    <message>
        <source>Starting over: the server now sends the whole file and cannot continue the earlier attempt.</source>
        <translation>重新开始：服务器现在发送整个文件，无法继续之前的下载。</translation>
    </message>
    <message>
        <source>The server does not support byte ranges; using one connection.</source>
        <translation>服务器不支持字节范围；改用单个连接。</translation>
    </message>
    <message>
        <source>Starting over: the earlier attempt cannot be continued with this server.</source>
        <translation>重新开始：无法通过此服务器继续之前的下载。</translation>
    </message>
    <message>
        <source>Resumed: %1 already on disk.</source>
        <translation>已继续：磁盘上已有 %1。</translation>
    </message>
    <message numerus="yes">
        <source>Resumed: %1 already on disk; %n damaged piece(s) will be fetched again.</source>
        <translation>
            <numerusform>已继续：磁盘上已有 %1；将重新获取 %n 个损坏的分块。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1; starting over from the beginning.</source>
        <translation>%1；从头重新开始。</translation>
    </message>
    <message>
        <source>%1: the server sent an invalid Content-Length (%2)</source>
        <translation>%1：服务器发送了无效的 Content-Length（%2）</translation>
    </message>
    <message>
        <source>%1; the server cannot resume, so the download restarts from the beginning.</source>
        <translation>%1；服务器无法续传，因此下载将从头开始。</translation>
    </message>
    <message numerus="yes">
        <source>No data for %n second(s); the last attempt failed with: %1</source>
        <translation>
            <numerusform>%n 秒内没有收到数据；最后一次尝试失败：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot rename %1 to %2</source>
        <translation>无法将 %1 重命名为 %2</translation>
    </message>
    <message>
        <source>No free file name for %1</source>
        <translation>%1 没有可用的文件名</translation>
    </message>
    <message>
        <source>%1 appeared meanwhile; saved as %2</source>
        <translation>%1 在此期间已出现；已另存为 %2</translation>
    </message>
    <message>
        <source>%1 is already being downloaded by another bytehaul process</source>
        <translation>%1 已由另一个 bytehaul 进程下载中</translation>
    </message>
    <message>
        <source>Cannot create %1: %2</source>
        <translation>无法创建 %1：%2</translation>
    </message>
    <message>
        <source>%1 is kept as it is; this download starts over as %2</source>
        <translation>%1 保持不变；此下载以 %2 重新开始</translation>
    </message>
    <message numerus="yes">
        <source>%1; the file changed on the server %n time(s) during this download, so it cannot be downloaded consistently</source>
        <translation>
            <numerusform>%1；下载期间服务器上的文件变化了 %n 次，因此无法下载到一致的文件</numerusform>
        </translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message numerus="yes">
        <source>The server gives no ETag or Last-Modified, so %n sampled range(s) were fetched again and compared: they match.</source>
        <translation>
            <numerusform>服务器未提供 ETag 或 Last-Modified，因此重新获取并比较了 %n 个抽样区段：均一致。</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot read %1 to check it: %2</source>
        <translation>无法读取 %1 以进行检查：%2</translation>
    </message>
    <message>
        <source>Could not check the file against the server: %1</source>
        <translation>无法将文件与服务器核对：%1</translation>
    </message>
    <message>
        <source>the download was resumed while the address was being checked</source>
        <translation>在检查地址期间下载已被继续</translation>
    </message>
    <message>
        <source>%1: the server says the file is %2 bytes, more than bytehaul can download (%3 bytes at most)</source>
        <translation>%1：服务器声称文件大小为 %2 字节，超过 bytehaul 可下载的上限（最多 %3 字节）</translation>
    </message>
    <message>
        <source>Not enough disk space for %1: it needs %2 more bytes, %3 are free</source>
        <translation>%1 的磁盘空间不足：还需要 %2 字节，可用 %3 字节</translation>
    </message>
    <message>
        <source>%1: the request header &apos;%2&apos; is not a valid HTTP header</source>
        <translation>%1：请求头“%2”不是有效的 HTTP 头</translation>
    </message>
    <message>
        <source>%1: the User-Agent holds a line break or control character</source>
        <translation>%1：User-Agent 含有换行符或控制字符</translation>
    </message>
    <message>
        <source>%1: too many redirects (more than 10)</source>
        <translation>%1：重定向次数过多（超过 10 次）</translation>
    </message>
    <message>
        <source>Redirected to %1; the credentials given for %2 stay there.</source>
        <translation>已重定向到 %1；为 %2 提供的凭据不会被发送到那里。</translation>
    </message>
</context>
<context>
    <name>bytehaul::StreamTransfer</name>
    <message>
        <source>%1: the server sent more bytes than its Content-Length (%2)</source>
        <translation>%1：服务器发送的字节多于其 Content-Length（%2）</translation>
    </message>
    <message>
        <source>%1: the connection closed after %2 of %3 bytes</source>
        <translation>%1：连接在 %3 字节中的 %2 字节后关闭</translation>
    </message>
</context>
<context>
    <name>bytehaul::UrlReplacer</name>
    <message>
        <source>%1 is not an http or https address</source>
        <translation>%1 不是 http 或 https 地址</translation>
    </message>
    <message>
        <source>%1 does not answer byte ranges (HTTP %2), so it cannot continue this download</source>
        <translation>%1 不响应字节范围请求（HTTP %2），因此无法继续此下载</translation>
    </message>
    <message>
        <source>%1 serves a file of another size (%2 bytes, this download has %3)</source>
        <translation>%1 提供的文件大小不同（%2 字节，此下载为 %3）</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>same size and ETag</source>
        <translation>大小和 ETag 相同</translation>
    </message>
    <message>
        <source>%1 serves another version of the file (ETag %2, this download has %3)</source>
        <translation>%1 提供的是另一版本的文件（ETag %2，此下载为 %3）</translation>
    </message>
    <message>
        <source>%1 serves a file modified at another time (%2, this download has %3)</source>
        <translation>%1 提供的文件修改时间不同（%2，此下载为 %3）</translation>
    </message>
    <message numerus="yes">
        <source>same size, and %n sampled range(s) match</source>
        <translation>
            <numerusform>大小相同，且 %n 个抽样区段一致</numerusform>
        </translation>
    </message>
    <message>
        <source>same size (nothing downloaded yet to compare)</source>
        <translation>大小相同（尚未下载可比较的内容）</translation>
    </message>
    <message>
        <source>%1 serves different content (bytes %2-%3 do not match the ones on disk)</source>
        <translation>%1 提供的内容不同（第 %2-%3 字节与磁盘上的不一致）</translation>
    </message>
    <message>
        <source>%1: the answer had %2 of %3 bytes (cut short)</source>
        <translation>%1：应答只有 %2 / %3 字节（被截断）</translation>
    </message>
</context>
<context>
    <name>bytehaul::Worker</name>
    <message>
        <source>%1: no answer within %2 s (connect timeout)</source>
        <translation>%1：%2 秒内无响应（连接超时）</translation>
    </message>
    <message>
        <source>%1: the server sent more bytes than the range asked for</source>
        <translation>%1：服务器发送的字节多于请求的范围</translation>
    </message>
    <message>
        <source>%1: the connection closed after %2 of %3 bytes of a segment</source>
        <translation>%1：连接在某分段 %3 字节中的 %2 字节后关闭</translation>
    </message>
    <message>
        <source>%1: no data for %2 s on a connection that was delivering %3 KiB/s; asking again</source>
        <translation>%1：一个原本以 %3 KiB/s 传输的连接已 %2 秒没有数据；重新请求</translation>
    </message>
    <message>
        <source>%1: no data for %2 s before the answer started; asking again (this server may take up to %3 s next time)</source>
        <translation>%1：应答开始前 %2 秒没有数据；重新请求（下次允许该服务器最多用 %3 秒）</translation>
    </message>
</context>
<context>
    <name>bytehaul::cli::CliApp</name>
    <message>
        <source>Interrupted: progress saved. Run the same command again to resume.</source>
        <translation>已中断：进度已保存。再次运行相同的命令即可继续。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message numerus="yes">
        <source>Downloading %1 -&gt; %2 (%3, %n connection(s))</source>
        <translation>
            <numerusform>正在下载 %1 -&gt; %2（%3，%n 个连接）</numerusform>
        </translation>
    </message>
    <message>
        <source>Completed %1 (%2)</source>
        <translation>已完成 %1（%2）</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message numerus="yes">
        <source>%1 %2 %3/%4 %5/s ETA %6 [%n conn]</source>
        <translation>
            <numerusform>%1 %2 %3/%4 %5/s 剩余 %6 [%n 连接]</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 downloads</source>
        <translation>%1 个下载</translation>
    </message>
    <message>
        <source>%1 already existed and was left alone; the download was saved as %2</source>
        <translation>%1 已存在且未被改动；下载已保存为 %2</translation>
    </message>
    <message>
        <source>%1 is not a safe file name; the download was saved as %2</source>
        <translation>%1 不是安全的文件名；下载已保存为 %2</translation>
    </message>
</context>
<context>
    <name>bytehaul::cli::CliOptions</name>
    <message>
        <source>Download files over HTTP(S) with many parallel connections.
Unfinished downloads continue where they stopped when the same command runs again.
Exit codes: 0 all downloads completed, 1 a download failed, 2 bad usage,
3 interrupted (Ctrl+C): progress saved, run the same command again to resume.</source>
        <translation>通过 HTTP(S) 使用多个并行连接下载文件。
再次运行相同的命令时，未完成的下载会从中断处继续。
退出码：0 所有下载已完成，1 有下载失败，2 用法错误，
3 已中断（Ctrl+C）：进度已保存，再次运行相同的命令即可继续。</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>显示此帮助。</translation>
    </message>
    <message>
        <source>Show the version.</source>
        <translation>显示版本。</translation>
    </message>
    <message>
        <source>Save to FILE (one URL only).</source>
        <translation>保存为 FILE（仅限一个 URL）。</translation>
    </message>
    <message>
        <source>Save into DIR (default: the current directory).</source>
        <translation>保存到 DIR（默认：当前目录）。</translation>
    </message>
    <message>
        <source>Downloads running at once (default 5).</source>
        <translation>同时运行的下载数（默认 5）。</translation>
    </message>
    <message>
        <source>Read URLs from FILE, one per line (&apos;-&apos; for standard input).</source>
        <translation>从 FILE 读取 URL，每行一个（&apos;-&apos; 表示标准输入）。</translation>
    </message>
    <message>
        <source>Piece size, e.g. 1M (default 1M).</source>
        <translation>分块大小，例如 1M（默认 1M）。</translation>
    </message>
    <message>
        <source>Memory for unwritten data per download, e.g. 16M (default 16M).</source>
        <translation>每个下载用于未写入数据的内存，例如 16M（默认 16M）。</translation>
    </message>
    <message>
        <source>Extra request header &apos;Name: value&apos; (repeatable).</source>
        <translation>额外的请求头 &apos;Name: value&apos;（可重复）。</translation>
    </message>
    <message>
        <source>User-Agent header.</source>
        <translation>User-Agent 请求头。</translation>
    </message>
    <message>
        <source>Print errors only.</source>
        <translation>仅输出错误。</translation>
    </message>
    <message>
        <source>Start over even when an unfinished download of the same URL is found.</source>
        <translation>即使找到相同 URL 的未完成下载，也从头开始。</translation>
    </message>
    <message>
        <source>When resuming, check the CRC32 of every piece already on disk.</source>
        <translation>继续下载时，校验磁盘上每个已有分块的 CRC32。</translation>
    </message>
    <message>
        <source>Check the finished file: ALGO=HEX with md5, sha1, sha256 or sha512 (one URL only).</source>
        <translation>校验下载完成的文件：ALGO=HEX，可用 md5、sha1、sha256 或 sha512（仅限一个 URL）。</translation>
    </message>
    <message>
        <source>Retries per request or segment (default 5).</source>
        <translation>每个请求或分段的重试次数（默认 5）。</translation>
    </message>
    <message>
        <source>Base of the exponential back-off, in seconds (default 1).</source>
        <translation>指数退避的基数，单位为秒（默认 1）。</translation>
    </message>
    <message>
        <source>Seconds to wait for an answer to a request (default 30).</source>
        <translation>等待请求响应的秒数（默认 30）。</translation>
    </message>
    <message>
        <source>Seconds without data before a connection is retried (default 60).</source>
        <translation>连接无数据多少秒后重试（默认 60）。</translation>
    </message>
    <message>
        <source>Also trust the CA certificate(s) in this PEM file. Certificate checks are never switched off.</source>
        <translation>另外信任此 PEM 文件中的 CA 证书。证书校验永远不会关闭。</translation>
    </message>
    <message>
        <source>Send the cookies from this Netscape cookies.txt file.</source>
        <translation>发送此 Netscape cookies.txt 文件中的 cookie。</translation>
    </message>
    <message>
        <source>Speed limit per download, e.g. 2M (bytes per second).</source>
        <translation>每个下载的限速，例如 2M（字节每秒）。</translation>
    </message>
    <message>
        <source>Speed limit for all downloads together, e.g. 10M.</source>
        <translation>所有下载合计的限速，例如 10M。</translation>
    </message>
    <message>
        <source>Keep the partial file and its control file when a download is cancelled.</source>
        <translation>取消下载时保留部分文件及其控制文件。</translation>
    </message>
    <message>
        <source>Addresses to download.</source>
        <translation>要下载的地址。</translation>
    </message>
    <message>
        <source>--%1 must be a whole number from %2 to %3, not &apos;%4&apos;</source>
        <translation>--%1 必须是 %2 到 %3 之间的整数，而不是 &apos;%4&apos;</translation>
    </message>
    <message>
        <source>--%1 must be a number of seconds from %2 to %3, not &apos;%4&apos;</source>
        <translation>--%1 必须是 %2 到 %3 之间的秒数，而不是 &apos;%4&apos;</translation>
    </message>
    <message>
        <source>--proxy must look like http://host:port or socks5://host:port, not &apos;%1&apos;</source>
        <translation>--proxy 的格式应为 http://host:port 或 socks5://host:port，而不是 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Cannot read the CA certificate %1: %2</source>
        <translation>无法读取 CA 证书 %1：%2</translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate</source>
        <translation>%1 不包含 PEM 证书</translation>
    </message>
    <message>
        <source>Cannot read the cookie file %1: %2</source>
        <translation>无法读取 cookie 文件 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not a Netscape cookie file: %2</source>
        <translation>%1 不是 Netscape cookie 文件：%2</translation>
    </message>
    <message>
        <source>--save-interval must be a number of seconds above 0 (and at most 3600), not &apos;%1&apos;</source>
        <translation>--save-interval 必须是大于 0（且不超过 3600）的秒数，而不是 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--checksum must look like sha256=&lt;64 hex digits&gt; (md5, sha1, sha256 or sha512), not &apos;%1&apos;</source>
        <translation>--checksum 的格式应为 sha256=&lt;64 个十六进制数字&gt;（md5、sha1、sha256 或 sha512），而不是 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Cannot read the input file %1: %2</source>
        <translation>无法读取输入文件 %1：%2</translation>
    </message>
    <message>
        <source>No URL given. Try --help.</source>
        <translation>未提供 URL。请尝试 --help。</translation>
    </message>
    <message>
        <source>--checksum takes one URL.</source>
        <translation>--checksum 只能用于一个 URL。</translation>
    </message>
    <message>
        <source>-o/--output takes one URL; use -d/--dir for several.</source>
        <translation>-o/--output 只能用于一个 URL；多个 URL 请使用 -d/--dir。</translation>
    </message>
    <message>
        <source>Not an http or https URL: &apos;%1&apos;</source>
        <translation>不是 http 或 https URL：&apos;%1&apos;</translation>
    </message>
    <message>
        <source>Give up after this many seconds of failing retries without any data (default 60).</source>
        <translation>重试失败且没有收到任何数据达到此秒数后放弃（默认 60）。</translation>
    </message>
    <message>
        <source>Seconds between saves of the control file (default 1).</source>
        <translation>两次保存控制文件之间的秒数（默认 1）。</translation>
    </message>
    <message>
        <source>--%1: &apos;%2&apos; is not a size from %3 to %4 (use a number with K, M or G)</source>
        <translation>--%1：“%2”不是 %3 到 %4 之间的大小（请使用带 K、M 或 G 的数字）</translation>
    </message>
    <message>
        <source>--header must look like &apos;Name: value&apos; with a name of letters, digits and -_.!#$%&amp;&apos;*+^`|~ and no line break, not &apos;%1&apos;</source>
        <translation>--header 的格式必须为“名称: 值”，名称只能由字母、数字和 -_.!#$%&amp;&apos;*+^`|~ 组成且不含换行，而不是“%1”</translation>
    </message>
    <message>
        <source>--user-agent must not hold a line break or control character</source>
        <translation>--user-agent 不能包含换行符或控制字符</translation>
    </message>
    <message>
        <source>-o/--output needs a file name.</source>
        <translation>-o/--output 需要一个文件名。</translation>
    </message>
    <message>
        <source>-o/--output needs a file name, and &apos;%1&apos; is a folder; use -d/--dir to save into a folder.</source>
        <translation>-o/--output 需要一个文件名，而“%1”是文件夹；要保存到文件夹请使用 -d/--dir。</translation>
    </message>
    <message>
        <source>Proxy: http://host:port, socks5://host:port (names resolved here) or socks5h://host:port (names resolved by the proxy); user:password@ before the host when it asks (never printed or saved). Default: http_proxy, https_proxy, all_proxy, no_proxy from the environment.</source>
        <translation>代理：http://主机:端口、socks5://主机:端口（在本机解析域名）或 socks5h://主机:端口（由代理解析域名）；代理需要时在主机前加 用户名:密码@（从不显示或保存）。默认：环境变量 http_proxy、https_proxy、all_proxy、no_proxy。</translation>
    </message>
    <message>
        <source>Connections per download, 1-64 (default: 8, and more while they help, up to 16).</source>
        <translation>每个下载的连接数，1-64（默认：8，在有帮助时增加，最多 16）。</translation>
    </message>
    <message>
        <source>Add connections while each one makes the download faster, up to N (1-64; default: 16 without -c, no more than -c with it).</source>
        <translation>只要每个新连接都能让下载更快就继续增加连接，最多 N 个（1-64；默认：不带 -c 时为 16，带 -c 时不超过 -c）。</translation>
    </message>
</context>
<context>
    <name>bytehaul::ui::AddDialog</name>
    <message>
        <source>Add paused</source>
        <translation>添加但暂不开始</translation>
    </message>
    <message>
        <source>Add downloads</source>
        <translation>添加下载</translation>
    </message>
    <message>
        <source>One address per line, e.g. https://example.org/file.iso</source>
        <translation>每行一个地址，例如 https://example.org/file.iso</translation>
    </message>
    <message>
        <source>From the server (one URL only)</source>
        <translation>由服务器决定（仅限一个 URL）</translation>
    </message>
    <message>
        <source>Optional: sha256=… (md5, sha1, sha256, sha512)</source>
        <translation>可选：sha256=…（md5、sha1、sha256、sha512）</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>&amp;Addresses:</source>
        <translation>地址(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>文件夹(&amp;F)：</translation>
    </message>
    <message>
        <source>File &amp;name:</source>
        <translation>文件名(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Connections:</source>
        <translation>连接数(&amp;C)：</translation>
    </message>
    <message>
        <source>Check&amp;sum:</source>
        <translation>校验和(&amp;S)：</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Save downloads in</source>
        <translation>下载保存到</translation>
    </message>
    <message>
        <source>The checksum must look like sha256= followed by 64 hex digits.</source>
        <translation>校验和的格式应为 sha256= 后跟 64 个十六进制数字。</translation>
    </message>
    <message>
        <source>A checksum applies to one address only.</source>
        <translation>校验和只能用于一个地址。</translation>
    </message>
    <message>
        <source>Choose a folder.</source>
        <translation>请选择一个文件夹。</translation>
    </message>
    <message>
        <source>Use this folder from now on</source>
        <translation>以后都使用此文件夹</translation>
    </message>
    <message>
        <source>Add them again anyway</source>
        <translation>仍然再次添加</translation>
    </message>
    <message>
        <source>Return adds a single address; Ctrl+Return adds several; Shift+Return starts a new line.</source>
        <translation>回车添加单个地址；Ctrl+回车添加多个；Shift+回车换行。</translation>
    </message>
    <message>
        <source>Skipped: %1</source>
        <translation>已跳过：%1</translation>
    </message>
    <message>
        <source>Already in the list: %1</source>
        <translation>已在列表中：%1</translation>
    </message>
    <message numerus="yes">
        <source>Add %n</source>
        <translation>
            <numerusform>添加 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>Filter by name or address</source>
        <translation>按名称或地址筛选</translation>
    </message>
    <message>
        <source>Check all</source>
        <translation>全选</translation>
    </message>
    <message>
        <source>Check none</source>
        <translation>全不选</translation>
    </message>
    <message>
        <source>&amp;Links:</source>
        <translation>链接(&amp;L):</translation>
    </message>
    <message>
        <source>Archives</source>
        <translation>压缩包</translation>
    </message>
    <message>
        <source>Programs</source>
        <translation>程序</translation>
    </message>
    <message>
        <source>Disc images</source>
        <translation>光盘映像</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>音频</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>文档</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>Types from Preferences</source>
        <translation>设置中的类型</translation>
    </message>
    <message>
        <source>All links</source>
        <translation>所有链接</translation>
    </message>
    <message>
        <source>Download links from the page</source>
        <translation>下载页面中的链接</translation>
    </message>
</context>
<context>
    <name>bytehaul::ui::DetailsPane</name>
    <message>
        <source>Address:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <source>Saved to:</source>
        <translation>保存到：</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>大小：</translation>
    </message>
    <message>
        <source>Validators:</source>
        <translation>验证信息：</translation>
    </message>
    <message>
        <source>Checksum:</source>
        <translation>校验和：</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>提示：</translation>
    </message>
    <message>
        <source>Retries:</source>
        <translation>重试：</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已接收</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>
→ %1</source>
        <translation>
→ %1</translation>
    </message>
    <message>
        <source>%1 of %2 (%3 bytes)</source>
        <translation>%1 / %2（%3 字节）</translation>
    </message>
    <message>
        <source>ETag %1</source>
        <translation>ETag %1</translation>
    </message>
    <message>
        <source>modified %1</source>
        <translation>修改于 %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>#%1 (racing)</source>
        <translation>#%1（竞速中）</translation>
    </message>
    <message>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/秒</translation>
    </message>
</context>
<context>
    <name>bytehaul::ui::DownloadListModel</name>
    <message>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/秒</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>ETA</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Conn.</source>
        <comment>column header: connections</comment>
        <translation>连接</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>添加时间</translation>
    </message>
    <message numerus="yes">
        <source>Retrying in %n s (attempt %1)</source>
        <translation>
            <numerusform>%n 秒后重试（第 %1 次）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Retrying in %n s (attempt %1): %2</source>
        <translation>
            <numerusform>%n 秒后重试（第 %1 次）：%2</numerusform>
        </translation>
    </message>
    <message>
        <source>Paused: %1</source>
        <translation>已暂停：%1</translation>
    </message>
</context>
<context>
    <name>bytehaul::ui::MainWindow</name>
    <message>
        <source>bytehaul</source>
        <translation>bytehaul</translation>
    </message>
    <message>
        <source>Download complete</source>
        <translation>下载完成</translation>
    </message>
    <message>
        <source>Download failed</source>
        <translation>下载失败</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>New address accepted for %1: %2</source>
        <translation>%1 的新地址已接受：%2</translation>
    </message>
    <message>
        <source>Address not replaced</source>
        <translation>地址未替换</translation>
    </message>
    <message>
        <source>The new address was refused for %1:
%2</source>
        <translation>%1 的新地址被拒绝：
%2</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <source>Add from &amp;clipboard</source>
        <translation>从剪贴板添加(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>继续(&amp;R)</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <source>Ctrl+P</source>
        <translation>Ctrl+P</translation>
    </message>
    <message>
        <source>Pause or resume</source>
        <translation>暂停或继续</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+X</source>
        <translation>Ctrl+Shift+X</translation>
    </message>
    <message>
        <source>Re&amp;move…</source>
        <translation>移除(&amp;M)…</translation>
    </message>
    <message>
        <source>Re&amp;try</source>
        <translation>重试(&amp;T)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+R</source>
        <translation>Ctrl+Shift+R</translation>
    </message>
    <message>
        <source>&amp;Open file</source>
        <translation>打开文件(&amp;O)</translation>
    </message>
    <message>
        <source>Ctrl+O</source>
        <translation>Ctrl+O</translation>
    </message>
    <message>
        <source>Open &amp;folder</source>
        <translation>打开文件夹(&amp;F)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <source>Ctrl+Up</source>
        <translation>Ctrl+Up</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>下移(&amp;W)</translation>
    </message>
    <message>
        <source>Ctrl+Down</source>
        <translation>Ctrl+Down</translation>
    </message>
    <message>
        <source>Copy &amp;address</source>
        <translation>复制地址(&amp;A)</translation>
    </message>
    <message>
        <source>Replace a&amp;ddress…</source>
        <translation>替换地址(&amp;D)…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>&amp;Verify and resume</source>
        <translation>校验并继续(&amp;V)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+V</source>
        <translation>Ctrl+Shift+V</translation>
    </message>
    <message>
        <source>Co&amp;nnections…</source>
        <translation>连接数(&amp;N)…</translation>
    </message>
    <message>
        <source>Ctrl+K</source>
        <translation>Ctrl+K</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>连接数</translation>
    </message>
    <message>
        <source>Connections for the selected download(s):</source>
        <translation>所选下载的连接数：</translation>
    </message>
    <message>
        <source>Speed &amp;limit…</source>
        <translation>限速(&amp;L)…</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>Resume a&amp;ll</source>
        <translation>全部继续(&amp;L)</translation>
    </message>
    <message>
        <source>Ctrl+Alt+R</source>
        <translation>Ctrl+Alt+R</translation>
    </message>
    <message>
        <source>Pause al&amp;l</source>
        <translation>全部暂停(&amp;L)</translation>
    </message>
    <message>
        <source>Ctrl+Alt+P</source>
        <translation>Ctrl+Alt+P</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;About bytehaul</source>
        <translation>关于 bytehaul(&amp;A)</translation>
    </message>
    <message>
        <source>About bytehaul</source>
        <translation>关于 bytehaul</translation>
    </message>
    <message>
        <source>&lt;b&gt;bytehaul %1&lt;/b&gt;&lt;p&gt;Fast, safe multi-connection downloads.&lt;/p&gt;&lt;p&gt;Unfinished downloads continue from their control files after a pause, a crash or a reboot.&lt;/p&gt;</source>
        <translation>&lt;b&gt;bytehaul %1&lt;/b&gt;&lt;p&gt;快速、安全的多连接下载。&lt;/p&gt;&lt;p&gt;暂停、崩溃或重启后，未完成的下载会根据其控制文件继续。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Downloads</source>
        <translation>下载(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Search by name or address</source>
        <translation>按名称或地址搜索</translation>
    </message>
    <message>
        <source>bytehaul is still running</source>
        <translation>bytehaul 仍在运行</translation>
    </message>
    <message>
        <source>Downloads continue in the background. Quit from the tray menu.</source>
        <translation>下载将在后台继续。请从托盘菜单退出。</translation>
    </message>
    <message>
        <source>Quit bytehaul?</source>
        <translation>退出 bytehaul？</translation>
    </message>
    <message numerus="yes">
        <source>%n download(s) are running. Quit anyway? They are saved and continue where they stopped next time.</source>
        <translation>
            <numerusform>有 %n 个下载正在运行。仍要退出吗？它们会被保存，下次从中断处继续。</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot continue</source>
        <translation>无法继续</translation>
    </message>
    <message>
        <source>%1 cannot be used: %2</source>
        <translation>%1 无法使用：%2</translation>
    </message>
    <message numerus="yes">
        <source>%n active</source>
        <translation>
            <numerusform>%n 个活动</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n queued</source>
        <translation>
            <numerusform>%n 个排队</numerusform>
        </translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/秒</translation>
    </message>
    <message>
        <source>bytehaul: %1/s, %2</source>
        <translation>bytehaul：%1/秒，%2</translation>
    </message>
    <message>
        <source>Could not save the download list: %1</source>
        <translation>无法保存下载列表：%1</translation>
    </message>
    <message>
        <source>Warning: %1; starting with an empty list.</source>
        <translation>警告：%1；将以空列表启动。</translation>
    </message>
    <message>
        <source>The clipboard holds no http or https address.</source>
        <translation>剪贴板中没有 http 或 https 地址。</translation>
    </message>
    <message>
        <source>Remove downloads</source>
        <translation>移除下载</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n download(s) from the list?</source>
        <translation>
            <numerusform>从列表中移除 %n 个下载？</numerusform>
        </translation>
    </message>
    <message>
        <source>Replace address</source>
        <translation>替换地址</translation>
    </message>
    <message>
        <source>New address for %1 (it must serve the same file):</source>
        <translation>%1 的新地址（必须提供同一个文件）：</translation>
    </message>
    <message>
        <source>Speed limit</source>
        <translation>限速</translation>
    </message>
    <message>
        <source>Speed limit for the selected download(s), in KiB/s (0: none):</source>
        <translation>所选下载的限速，单位 KiB/s（0：不限）：</translation>
    </message>
    <message>
        <source>Cannot read the CA certificate %1: %2</source>
        <translation>无法读取 CA 证书 %1：%2</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 及另外 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>Download the copied link?</source>
        <translation>下载复制的链接？</translation>
    </message>
    <message>
        <source>%1
Click here to download.</source>
        <translation>%1
点击此处下载。</translation>
    </message>
    <message>
        <source>Copied: %1. Press %2 to download.</source>
        <translation>已复制：%1。按 %2 下载。</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <comment>status bar: active, queued</comment>
        <translation>%1，%2</translation>
    </message>
    <message numerus="yes">
        <source>  … and %n more</source>
        <translation>
            <numerusform>  …… 以及另外 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel downloads</source>
        <translation>取消下载</translation>
    </message>
    <message numerus="yes">
        <source>Cancel %n download(s)?</source>
        <translation>
            <numerusform>取消 %n 个下载？</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel, &amp;keep the partial files</source>
        <translation>取消，保留部分文件(&amp;K)</translation>
    </message>
    <message>
        <source>%1 already downloaded is on disk in:
%2

Kept files let Retry continue where the download stopped.</source>
        <translation>已下载的 %1 保存在磁盘上：
%2

保留这些文件，“重试”即可从下载停止处继续。</translation>
    </message>
    <message>
        <source>Cancel and &amp;delete these files</source>
        <translation>取消并删除这些文件(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Don&apos;t cancel</source>
        <translation>不取消(&amp;D)</translation>
    </message>
    <message>
        <source>The files stay on disk unless you check the box:
%1</source>
        <translation>除非勾选下面的选项，这些文件会保留在磁盘上：
%1</translation>
    </message>
    <message numerus="yes">
        <source>Also delete these %n file(s) from the disk</source>
        <translation>
            <numerusform>同时从磁盘删除这 %n 个文件</numerusform>
        </translation>
    </message>
    <message>
        <source>Move to &amp;top</source>
        <translation>移到顶部(&amp;T)</translation>
    </message>
    <message>
        <source>Ctrl+Home</source>
        <translation>Ctrl+Home</translation>
    </message>
    <message>
        <source>Move to &amp;bottom</source>
        <translation>移到底部(&amp;B)</translation>
    </message>
    <message>
        <source>Ctrl+End</source>
        <translation>Ctrl+End</translation>
    </message>
    <message>
        <source>&amp;Start now</source>
        <translation>立即开始(&amp;S)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+S</source>
        <translation>Ctrl+Shift+S</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>category and its count</comment>
        <translation>%1（%2）</translation>
    </message>
    <message numerus="yes">
        <source>%n paused</source>
        <translation>
            <numerusform>%n 个已暂停</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed or cancelled</source>
        <translation>
            <numerusform>%n 个失败或已取消</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <comment>status bar: separator</comment>
        <translation>，</translation>
    </message>
</context>
<context>
    <name>bytehaul::ui::PreferencesDialog</name>
    <message>
        <source>Continue unfinished downloads when bytehaul starts</source>
        <translation>bytehaul 启动时继续未完成的下载</translation>
    </message>
    <message>
        <source>Dropped links start at once (otherwise the Add dialog opens)</source>
        <translation>拖放的链接立即开始（否则打开添加对话框）</translation>
    </message>
    <message>
        <source>Closing the window keeps downloads running in the tray</source>
        <translation>关闭窗口后下载在托盘中继续运行</translation>
    </message>
    <message>
        <source>Tell me when a download completes or fails</source>
        <translation>下载完成或失败时通知我</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source> KiB/s</source>
        <translation> KiB/s</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Default folder</source>
        <translation>默认文件夹</translation>
    </message>
    <message>
        <source>Default &amp;folder:</source>
        <translation>默认文件夹(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Connections per download:</source>
        <translation>每个下载的连接数(&amp;C)：</translation>
    </message>
    <message>
        <source>Downloads at &amp;once:</source>
        <translation>同时下载数(&amp;O)：</translation>
    </message>
    <message>
        <source>Overall speed &amp;limit:</source>
        <translation>总限速(&amp;L)：</translation>
    </message>
    <message>
        <source>System setting (http_proxy, ...), or http://host:port, socks5://host:port</source>
        <translation>系统设置（http_proxy 等），或 http://host:port、socks5://host:port</translation>
    </message>
    <message>
        <source>Optional PEM file; certificates are always checked</source>
        <translation>可选的 PEM 文件；证书始终会被校验</translation>
    </message>
    <message>
        <source>&amp;Proxy:</source>
        <translation>代理(&amp;P)：</translation>
    </message>
    <message>
        <source>Extra &amp;CA certificate:</source>
        <translation>额外的 CA 证书(&amp;C)：</translation>
    </message>
    <message>
        <source>Start in the tray</source>
        <translation>启动时最小化到托盘</translation>
    </message>
    <message>
        <source>Offer to download links to files when they are copied</source>
        <translation>复制文件链接时提示下载</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>系统默认</translation>
    </message>
    <message>
        <source>The clipboard is only read, never changed.</source>
        <translation>只读取剪贴板，从不修改。</translation>
    </message>
    <message>
        <source>Speed limit per &amp;new download:</source>
        <translation>每个新下载的限速(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source>A download whose server cannot be reached fails after this long without data; what it downloaded stays on disk, and Resume continues it.</source>
        <translation>服务器无法访问的下载在这么长时间没有数据后失败；已下载的内容保留在磁盘上，“继续”可接着下载。</translation>
    </message>
    <message>
        <source>&amp;Give up without data after:</source>
        <translation>无数据时放弃的时间(&amp;G)：</translation>
    </message>
    <message>
        <source>Take over downloads from my web browsers</source>
        <translation>接管网页浏览器中的下载</translation>
    </message>
    <message>
        <source>Show the Add dialog first (otherwise they start at once)</source>
        <translation>先显示“添加”对话框（否则立即开始）</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>常规(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Browser integration</source>
        <translation>浏览器集成(&amp;B)</translation>
    </message>
    <message>
        <source>Every type</source>
        <translation>所有类型</translation>
    </message>
    <message>
        <source>File name endings, separated by spaces or commas, e.g. iso zip mp4. Empty: every type.</source>
        <translation>文件扩展名，以空格或逗号分隔，例如 iso zip mp4。留空：所有类型。</translation>
    </message>
    <message>
        <source> KiB</source>
        <translation> KiB</translation>
    </message>
    <message>
        <source>Any size</source>
        <translation>任意大小</translation>
    </message>
    <message>
        <source>File &amp;types:</source>
        <translation>文件类型(&amp;T):</translation>
    </message>
    <message>
        <source>&amp;Smallest size:</source>
        <translation>最小大小(&amp;S):</translation>
    </message>
    <message>
        <source>Hold Alt while clicking a link to let the browser download it itself. The browser extension needs bytehaul&apos;s helper registered with each browser:</source>
        <translation>点击链接时按住 Alt 键，由浏览器自己下载。浏览器扩展需要在每个浏览器中注册 bytehaul 助手：</translation>
    </message>
    <message>
        <source>Set &amp;up for my browsers</source>
        <translation>为我的浏览器设置(&amp;U)</translation>
    </message>
    <message>
        <source>A server that limits each connection gives more for more connections: while every connection is busy, one more is added as long as the last one made the download faster.</source>
        <translation>限制每个连接速度的服务器，连接越多给得越多：当所有连接都在忙时，只要上一个新增的连接让下载变快，就再增加一个。</translation>
    </message>
    <message>
        <source>Add connections while they &amp;help, up to:</source>
        <translation>在有帮助时增加连接，最多(&amp;H)：</translation>
    </message>
</context>
<context>
    <name>bytehaul::ui::QueueStore</name>
    <message>
        <source>the download list is damaged (%1)</source>
        <translation>下载列表已损坏（%1）</translation>
    </message>
</context>
<context>
    <name>bytehaul::ui::SegmentMapWidget</name>
    <message>
        <source>The file as a bar: filled pieces are complete; each connection has its own colour.</source>
        <translation>文件显示为一条横条：填充的分块已完成；每个连接有自己的颜色。</translation>
    </message>
</context>
<context>
    <name>bytehaul::ui::TrayIcon</name>
    <message>
        <source>Show or hide the window</source>
        <translation>显示或隐藏窗口</translation>
    </message>
    <message>
        <source>bytehaul</source>
        <translation>bytehaul</translation>
    </message>
</context>
<context>
    <name>bytehaul::ui::UrlInput</name>
    <message>
        <source>line %1: only http and https addresses can be downloaded (%2)</source>
        <translation>第 %1 行：只能下载 http 和 https 地址（%2）</translation>
    </message>
    <message>
        <source>line %1: not a valid address (%2)</source>
        <translation>第 %1 行：不是有效的地址（%2）</translation>
    </message>
    <message>
        <source>not a downloadable address: %1</source>
        <translation>不是可下载的地址：%1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>bytehaul download manager</source>
        <translation>bytehaul 下载管理器</translation>
    </message>
    <message>
        <source>Addresses to download.</source>
        <translation>要下载的地址。</translation>
    </message>
    <message>
        <source>Start hidden in the system tray.</source>
        <translation>启动时隐藏在系统托盘中。</translation>
    </message>
    <message>
        <source>The browser helper %1 is missing: reinstall bytehaul.</source>
        <translation>缺少浏览器助手 %1：请重新安装 bytehaul。</translation>
    </message>
    <message>
        <source>Done. Install bytehaul&apos;s extension in your browser (see the README); it finds bytehaul through these files:</source>
        <translation>完成。请在浏览器中安装 bytehaul 扩展（见 README）；它通过以下文件找到 bytehaul：</translation>
    </message>
    <message>
        <source>Some browsers could not be set up:</source>
        <translation>部分浏览器无法设置：</translation>
    </message>
    <message>
        <source>Register bytehaul&apos;s browser helper with your web browsers (for this user) and exit.</source>
        <translation>向您的浏览器注册 bytehaul 浏览器助手（仅当前用户）后退出。</translation>
    </message>
    <message>
        <source>The extension for Chromium, Chrome, Brave, Vivaldi and Edge: %1 (Extensions, Developer mode, Load unpacked).</source>
        <translation>适用于 Chromium、Chrome、Brave、Vivaldi 和 Edge 的扩展：%1（扩展程序、开发者模式、加载已解压的扩展程序）。</translation>
    </message>
    <message>
        <source>The extension for Firefox: %1.</source>
        <translation>适用于 Firefox 的扩展：%1。</translation>
    </message>
    <message>
        <source>A download from the browser came too late and stays in the browser: %1</source>
        <translation>来自浏览器的下载到达太晚，将留在浏览器中：%1</translation>
    </message>
</context>
</TS>
