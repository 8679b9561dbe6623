<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>bytehaul::ControlFile</name>
    <message numerus="yes">
        <source>the control file is truncated (%n byte(s))</source>
        <translation>
            <numerusform>the control file is truncated (%n byte)</numerusform>
            <numerusform>the control file is truncated (%n bytes)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bytehaul::RangedTransfer</name>
    <message numerus="yes">
        <source>The server refused connection %1 (%2); going on with %n connection(s).</source>
        <translation>
            <numerusform>The server refused connection %1 (%2); going on with %n connection.</numerusform>
            <numerusform>The server refused connection %1 (%2); going on with %n connections.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bytehaul::Session</name>
    <message numerus="yes">
        <source>Resumed: %1 already on disk; %n damaged piece(s) will be fetched again.</source>
        <translation>
            <numerusform>Resumed: %1 already on disk; %n damaged piece will be fetched again.</numerusform>
            <numerusform>Resumed: %1 already on disk; %n damaged pieces will be fetched again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No data for %n second(s); the last attempt failed with: %1</source>
        <translation>
            <numerusform>No data for %n second; the last attempt failed with: %1</numerusform>
            <numerusform>No data for %n seconds; the last attempt failed with: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1; the file changed on the server %n time(s) during this download, so it cannot be downloaded consistently</source>
        <translation>
            <numerusform>%1; the file changed on the server %n time during this download, so it cannot be downloaded consistently</numerusform>
            <numerusform>%1; the file changed on the server %n times during this download, so it cannot be downloaded consistently</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The server gives no ETag or Last-Modified, so %n sampled range(s) were fetched again and compared: they match.</source>
        <translation>
            <numerusform>The server gives no ETag or Last-Modified, so %n sampled range was fetched again and compared: it matches.</numerusform>
            <numerusform>The server gives no ETag or Last-Modified, so %n sampled ranges were fetched again and compared: they match.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bytehaul::UrlReplacer</name>
    <message numerus="yes">
        <source>same size, and %n sampled range(s) match</source>
        <translation>
            <numerusform>same size, and %n sampled range matches</numerusform>
            <numerusform>same size, and %n sampled ranges match</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bytehaul::cli::CliApp</name>
    <message numerus="yes">
        <source>Downloading %1 -&gt; %2 (%3, %n connection(s))</source>
        <translation>
            <numerusform>Downloading %1 -&gt; %2 (%3, %n connection)</numerusform>
            <numerusform>Downloading %1 -&gt; %2 (%3, %n connections)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 %2 %3/%4 %5/s ETA %6 [%n conn]</source>
        <translation>
            <numerusform>%1 %2 %3/%4 %5/s ETA %6 [%n conn]</numerusform>
            <numerusform>%1 %2 %3/%4 %5/s ETA %6 [%n conn]</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bytehaul::ui::AddDialog</name>
    <message numerus="yes">
        <source>Add %n</source>
        <translation>
            <numerusform>Add %n</numerusform>
            <numerusform>Add %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bytehaul::ui::DownloadListModel</name>
    <message numerus="yes">
        <source>Retrying in %n s (attempt %1)</source>
        <translation>
            <numerusform>Retrying in %n s (attempt %1)</numerusform>
            <numerusform>Retrying in %n s (attempt %1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Retrying in %n s (attempt %1): %2</source>
        <translation>
            <numerusform>Retrying in %n s (attempt %1): %2</numerusform>
            <numerusform>Retrying in %n s (attempt %1): %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bytehaul::ui::MainWindow</name>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 and %n more</numerusform>
            <numerusform>%1 and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n download(s) are running. Quit anyway? They are saved and continue where they stopped next time.</source>
        <translation>
            <numerusform>%n download is running. Quit anyway? It is saved and continues where it stopped next time.</numerusform>
            <numerusform>%n downloads are running. Quit anyway? They are saved and continue where they stopped next time.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n active</source>
        <translation>
            <numerusform>%n active</numerusform>
            <numerusform>%n active</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n queued</source>
        <translation>
            <numerusform>%n queued</numerusform>
            <numerusform>%n queued</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove %n download(s) from the list?</source>
        <translation>
            <numerusform>Remove %n download from the list?</numerusform>
            <numerusform>Remove %n downloads from the list?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>  … and %n more</source>
        <translation>
            <numerusform>  … and %n more</numerusform>
            <numerusform>  … and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancel %n download(s)?</source>
        <translation>
            <numerusform>Cancel %n download?</numerusform>
            <numerusform>Cancel %n downloads?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Also delete these %n file(s) from the disk</source>
        <translation>
            <numerusform>Also delete the %n file from the disk</numerusform>
            <numerusform>Also delete these %n files from the disk</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n paused</source>
        <translation>
            <numerusform>%n paused</numerusform>
            <numerusform>%n paused</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed or cancelled</source>
        <translation>
            <numerusform>%n failed or cancelled</numerusform>
            <numerusform>%n failed or cancelled</numerusform>
        </translation>
    </message>
</context>
</TS>
